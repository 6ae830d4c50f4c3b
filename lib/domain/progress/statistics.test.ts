import { describe, expect, it } from "vitest";
import {
  mean,
  median,
  nearlyEqual,
  normalCdf,
  ordinaryLeastSquares,
  predictionStandardError,
  sum,
} from "./statistics";

describe("mean", () => {
  it("averages", () => {
    expect(mean([40, 45, 50, 57])).toBe(48);
  });

  it("is unknown for no values", () => {
    expect(mean([])).toBeNull();
  });
});

describe("median", () => {
  it("takes the middle of an odd count, whatever the order", () => {
    expect(median([50, 10, 30])).toBe(30);
  });

  it("averages the two middles of an even count", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("is the value itself for one value", () => {
    expect(median([7])).toBe(7);
  });

  it("is unknown for no values", () => {
    expect(median([])).toBeNull();
  });

  it("leaves its input in place", () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("ordinaryLeastSquares", () => {
  const points = [
    { x: 1, y: 2 },
    { x: 2, y: 4 },
    { x: 3, y: 5 },
    { x: 4, y: 4 },
  ];

  it("fits slope, intercept and residual standard error", () => {
    const fit = ordinaryLeastSquares(points);
    expect(fit?.slope).toBeCloseTo(0.7, 12);
    expect(fit?.intercept).toBeCloseTo(2, 12);
    // Residuals -0.7, 0.6, 0.9, -0.8: SSE 2.3 over 2 degrees of freedom.
    expect(fit?.residualStandardError).toBeCloseTo(Math.sqrt(1.15), 12);
    expect(fit?.n).toBe(4);
    expect(fit?.meanX).toBe(2.5);
    expect(fit?.sxx).toBe(5);
  });

  it("recovers an exact line with no scatter", () => {
    const fit = ordinaryLeastSquares([0, 1, 2, 3].map((x) => ({ x, y: 10 - 3 * x })));
    expect(fit?.slope).toBeCloseTo(-3, 12);
    expect(fit?.intercept).toBeCloseTo(10, 12);
    expect(fit?.residualStandardError).toBeCloseTo(0, 12);
  });

  it("leaves the scatter unknown for two points", () => {
    const fit = ordinaryLeastSquares([
      { x: 0, y: 1 },
      { x: 1, y: 3 },
    ]);
    expect(fit?.slope).toBe(2);
    expect(fit?.residualStandardError).toBeNull();
  });

  it("finds no line through fewer than two points", () => {
    expect(ordinaryLeastSquares([])).toBeNull();
    expect(ordinaryLeastSquares([{ x: 1, y: 1 }])).toBeNull();
  });

  it("finds no line when every point has the same x", () => {
    const x = 3 / 7;
    expect(
      ordinaryLeastSquares([
        { x, y: 1 },
        { x, y: 2 },
        { x, y: 4 },
      ]),
    ).toBeNull();
  });
});

describe("predictionStandardError", () => {
  const fit = ordinaryLeastSquares([
    { x: 1, y: 2 },
    { x: 2, y: 4 },
    { x: 3, y: 5 },
    { x: 4, y: 4 },
  ]);

  it("is smallest at the mean of x", () => {
    expect(fit && predictionStandardError(fit, 2.5)).toBeCloseTo(Math.sqrt(1.15 * 1.25), 12);
  });

  it("grows with the distance from the mean of x", () => {
    // s² × (1 + 1/4 + 3.5²/5)
    expect(fit && predictionStandardError(fit, 6)).toBeCloseTo(Math.sqrt(1.15 * 3.7), 12);
  });

  it("is unknown when the fit has no scatter estimate", () => {
    const twoPoints = ordinaryLeastSquares([
      { x: 0, y: 0 },
      { x: 1, y: 1 },
    ]);
    expect(twoPoints && predictionStandardError(twoPoints, 2)).toBeNull();
  });
});

describe("normalCdf", () => {
  it.each([
    [0, 0.5],
    [1, 0.8413447460685429],
    [-1, 0.15865525393145707],
    [1.959963984540054, 0.975],
    [-2.5, 0.006209665325776132],
    [3, 0.9986501019683699],
    [-5, 2.866515718791939e-7],
    [0.3, 0.6179114221889527],
  ])("Φ(%s) = %s within 1e-12", (x, expected) => {
    expect(Math.abs(normalCdf(x) - expected)).toBeLessThan(1e-12);
  });

  it("is symmetric", () => {
    for (const x of [0.1, 0.7, 1.3, 2.2, 4.1]) {
      expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 14);
    }
  });

  it("saturates far in the tails and at infinity", () => {
    expect(normalCdf(-9)).toBe(0);
    expect(normalCdf(9)).toBe(1);
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
  });

  it("passes NaN through", () => {
    expect(normalCdf(Number.NaN)).toBeNaN();
  });
});

describe("nearlyEqual", () => {
  it("ignores float noise", () => {
    expect(nearlyEqual(0.1 + 0.2, 0.3)).toBe(true);
    expect(nearlyEqual(45 + 23 * (20 / 56), 45 + (23 * 20) / 56)).toBe(true);
  });

  it("tells apart values a score could distinguish", () => {
    expect(nearlyEqual(50, 50.001)).toBe(false);
    expect(nearlyEqual(0, 1e-6)).toBe(false);
  });
});

describe("sum", () => {
  it("adds, and is zero for nothing", () => {
    expect(sum([120, 30.5])).toBe(150.5);
    expect(sum([])).toBe(0);
  });
});
