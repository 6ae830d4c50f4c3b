import { describe, expect, it } from "vitest";
import { formatNumber, formatPercent, roundTo } from "./format";

describe("roundTo", () => {
  it("rounds half away from zero, symmetrically", () => {
    expect(roundTo(2.5, 0)).toBe(3);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(roundTo(0.8333333, 2)).toBe(0.83);
  });

  it("never gives negative zero", () => {
    expect(Object.is(roundTo(-0.001, 2), 0)).toBe(true);
  });
});

describe("formatNumber", () => {
  it("drops trailing zeros", () => {
    expect(formatNumber(1.5)).toBe("1.5");
    expect(formatNumber(2)).toBe("2");
    expect(formatNumber(1.28571)).toBe("1.29");
  });
});

describe("formatPercent", () => {
  it("keeps one decimal so 79.5% does not read as 80%", () => {
    expect(formatPercent(0.795)).toBe("79.5%");
    expect(formatPercent(0.8)).toBe("80%");
    expect(formatPercent(2 / 3)).toBe("66.7%");
  });
});
