import { describe, expect, it } from "vitest";
import { groupBy } from "./group-by";

describe("groupBy", () => {
  it("keeps each group's rows in their order and has no group for a key never seen", () => {
    const rows = [
      { g: "a", n: 1 },
      { g: "b", n: 2 },
      { g: "a", n: 3 },
    ];
    const groups = groupBy(rows, (r) => r.g);
    expect(groups.get("a")?.map((r) => r.n)).toEqual([1, 3]);
    expect(groups.get("b")?.map((r) => r.n)).toEqual([2]);
    expect(groups.has("c")).toBe(false);
  });
});
