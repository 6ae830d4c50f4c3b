import { describe, expect, it } from "vitest";
import { firstParam, firstParams } from "./search-params";

describe("firstParam", () => {
  it("takes the first of repeated values, and treats missing and empty alike", () => {
    expect(firstParam(["a", "b"])).toBe("a");
    expect(firstParam("x")).toBe("x");
    expect(firstParam("")).toBeUndefined();
    expect(firstParam(undefined)).toBeUndefined();
    expect(firstParam([])).toBeUndefined();
  });
});

describe("firstParams", () => {
  it("reads only the names asked for", () => {
    expect(firstParams({ from: ["2026-01-05", "x"], other: "y" }, ["from", "to"])).toEqual({
      from: "2026-01-05",
      to: undefined,
    });
  });
});
