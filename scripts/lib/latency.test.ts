import { describe, expect, it } from "vitest";
import { percentile, ratioText, summarize } from "./latency";

describe("percentile (nearest rank)", () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it("picks an observed sample", () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
  });

  it("does not depend on the input order", () => {
    expect(percentile([9, 1, 5, 3, 7], 50)).toBe(5);
  });

  it("gives the only sample for any percentile of one", () => {
    expect(percentile([12.5], 0)).toBe(12.5);
    expect(percentile([12.5], 99)).toBe(12.5);
  });

  it("rounds the rank up, so P95 of 10 samples is the largest", () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
  });

  it("is unknown without samples and refuses nonsense", () => {
    expect(percentile([], 50)).toBeNull();
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

describe("summarize and ratioText", () => {
  it("summarizes counts and percentiles", () => {
    expect(summarize([3, 1, 2])).toEqual({ count: 3, p50: 2, p95: 3, p99: 3 });
  });

  it("writes ratios to the floor with one decimal", () => {
    expect(ratioText(9, 4.5)).toBe("2.0×");
    expect(ratioText(null, 4)).toBe("—");
    expect(ratioText(3, 0)).toBe("—");
  });
});
