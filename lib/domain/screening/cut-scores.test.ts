import { describe, expect, it } from "vitest";
import { isAtRisk, recommendTier } from "./cut-scores";

describe("recommendTier with the default cuts", () => {
  it.each([
    [0, 3],
    [29, 3],
    [29.9, 3],
    [30, 2],
    [49, 2],
    [49.5, 2],
    [50, 1],
    [100, 1],
  ] as const)("puts %s in Tier %s", (score, tier) => {
    expect(recommendTier(score)).toBe(tier);
  });
});

describe("recommendTier with district cuts", () => {
  const cuts = { tier1Min: 72, tier2Min: 41 };

  it.each([
    [40, 3],
    [41, 2],
    [71, 2],
    [72, 1],
  ] as const)("puts %s in Tier %s", (score, tier) => {
    expect(recommendTier(score, cuts)).toBe(tier);
  });

  it("allows an empty Tier 2 when both cuts are equal", () => {
    const noTier2 = { tier1Min: 40, tier2Min: 40 };
    expect(recommendTier(39, noTier2)).toBe(3);
    expect(recommendTier(40, noTier2)).toBe(1);
  });

  it("refuses a Tier 2 cut above the Tier 1 cut", () => {
    expect(() => recommendTier(45, { tier1Min: 30, tier2Min: 50 })).toThrow(RangeError);
  });
});

describe("isAtRisk", () => {
  it.each([
    [29, true],
    [30, true],
    [49, true],
    [50, false],
  ] as const)("is %s → %s with the default cuts", (score, atRisk) => {
    expect(isAtRisk(score)).toBe(atRisk);
  });

  it("follows the district's Tier 1 cut", () => {
    expect(isAtRisk(60, { tier1Min: 65, tier2Min: 40 })).toBe(true);
    expect(isAtRisk(65, { tier1Min: 65, tier2Min: 40 })).toBe(false);
  });
});
