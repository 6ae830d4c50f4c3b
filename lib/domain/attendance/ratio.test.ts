import { describe, expect, it } from "vitest";
import { ratio } from "./ratio";

describe("ratio", () => {
  it("divides", () => {
    expect(ratio(3, 4)).toBe(0.75);
  });

  it("is unknown over an empty base", () => {
    expect(ratio(0, 0)).toBeNull();
  });
});
