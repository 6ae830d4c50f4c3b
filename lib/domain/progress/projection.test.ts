import { describe, expect, it } from "vitest";
import { projectedEndScore } from "./projection";
import { normalCdf } from "./statistics";
import { trendLine } from "./trend-line";

const window = { startDate: "2025-09-01", endDate: "2025-10-27" };

function weekly(values: readonly number[]) {
  return values.map((value, index) => ({
    date: `2025-09-${String(8 + 7 * index).padStart(2, "0")}`,
    value,
  }));
}

describe("projectedEndScore", () => {
  it("carries the baseline while fewer than three scores exist", () => {
    expect(
      projectedEndScore({ ...window, scores: weekly([42, 45]), baseline: 40, goal: 56 }),
    ).toEqual({ score: 40, basis: "baseline", probabilityOfReachingGoal: null });
  });

  it("is unknown without scores or baseline", () => {
    expect(projectedEndScore({ ...window, scores: [], baseline: null, goal: 56 }).score).toBeNull();
  });

  it("projects the trend to the end date from three scores, without a probability yet", () => {
    const projection = projectedEndScore({
      ...window,
      scores: weekly([42, 44, 46]),
      baseline: 40,
      goal: 56,
    });
    expect(projection.basis).toBe("trend");
    expect(projection.score).toBeCloseTo(56, 12);
    expect(projection.probabilityOfReachingGoal).toBeNull();
  });

  it("gives the chance of reaching the goal from four scores", () => {
    const scores = weekly([41, 45, 45, 49]);
    // Trend 2.4 a week projects 58.2 at the end date, above the goal of 56.
    const projection = projectedEndScore({ ...window, scores, baseline: 40, goal: 56 });
    const trend = trendLine(scores, window.startDate);
    const projected = trend?.valueAt(window.endDate) ?? Number.NaN;
    const standardError = trend?.predictionStandardErrorAt(window.endDate) ?? Number.NaN;
    expect(projection.score).toBeCloseTo(projected, 12);
    expect(projection.probabilityOfReachingGoal).toBeCloseTo(
      1 - normalCdf((56 - projected) / standardError),
      12,
    );
    expect(projection.probabilityOfReachingGoal).toBeGreaterThan(0.5);
  });

  it("gives an even chance when the projection lands on the goal", () => {
    const scores = weekly([41, 45, 45, 49]);
    const projected = projectedEndScore({ ...window, scores, baseline: 40, goal: 0 }).score ?? 0;
    const projection = projectedEndScore({ ...window, scores, baseline: 40, goal: projected });
    expect(projection.probabilityOfReachingGoal).toBeCloseTo(0.5, 12);
  });

  it("mirrors the chance for a measure where lower is better", () => {
    const rising = projectedEndScore({
      ...window,
      scores: weekly([41, 45, 45, 49]),
      baseline: 40,
      goal: 60,
    });
    const falling = projectedEndScore({
      ...window,
      scores: weekly([-41, -45, -45, -49]),
      baseline: -40,
      goal: -60,
      direction: "lower",
    });
    expect(falling.score).toBeCloseTo(-(rising.score ?? 0), 12);
    expect(falling.probabilityOfReachingGoal).toBeCloseTo(
      rising.probabilityOfReachingGoal ?? -1,
      12,
    );
  });

  it("is certain either way when the scores lie exactly on their trend", () => {
    const scores = weekly([42, 44, 46, 48]);
    expect(
      projectedEndScore({ ...window, scores, baseline: 40, goal: 56 }).probabilityOfReachingGoal,
    ).toBe(1);
    expect(
      projectedEndScore({ ...window, scores, baseline: 40, goal: 57 }).probabilityOfReachingGoal,
    ).toBe(0);
    expect(
      projectedEndScore({ ...window, scores, baseline: 40, goal: 57, direction: "lower" })
        .probabilityOfReachingGoal,
    ).toBe(1);
  });
});
