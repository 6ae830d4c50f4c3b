import { describe, expect, it } from "vitest";
import { CHANCE_LABELS, chanceBand, ON_TRACK_CHANCE, UNLIKELY_CHANCE } from "./chance";

describe("chanceBand", () => {
  it("reads no probability as not enough data, never as unlikely", () => {
    expect(chanceBand(null)).toBe("not-enough-data");
    expect(chanceBand(Number.NaN)).toBe("not-enough-data");
    expect(CHANCE_LABELS[chanceBand(null)]).toBe("Not enough data");
  });

  it("puts the cut-offs themselves in the better band", () => {
    expect(chanceBand(1)).toBe("on-track");
    expect(chanceBand(ON_TRACK_CHANCE)).toBe("on-track");
    expect(chanceBand(0.66)).toBe("at-risk");
    expect(chanceBand(UNLIKELY_CHANCE)).toBe("at-risk");
    expect(chanceBand(0.33)).toBe("unlikely");
    expect(chanceBand(0)).toBe("unlikely");
  });

  it("has a word for every band", () => {
    expect(Object.values(CHANCE_LABELS)).toEqual([
      "On track",
      "At risk",
      "Unlikely",
      "Not enough data",
    ]);
  });
});
