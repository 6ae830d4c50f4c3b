import { describe, expect, it } from "vitest";
import { fidelity } from "../attendance";
import { analyseStudent, type GroupContext } from "./student-progress";

const context: GroupContext = {
  goal: 56,
  direction: "higher",
  startDate: "2025-09-01",
  endDate: "2025-10-27",
  fidelity: fidelity({
    sessionsScheduledToDate: 12,
    sessionsHeld: 12,
    minutesPlanned: 360,
    minutesDelivered: 360,
  }),
};

const threeRising = [
  { date: "2025-09-08", value: 42 },
  { date: "2025-09-15", value: 45 },
  { date: "2025-09-22", value: 48 },
];

describe("analyseStudent", () => {
  it("derives baseline, latest, trend, aim and projection", () => {
    const progress = analyseStudent({ studentId: "ana", scores: threeRising }, context);
    expect(progress).toMatchObject({
      studentId: "ana",
      scoreCount: 3,
      baseline: 45,
      latest: 48,
      aimSlopePerWeek: 11 / 8,
      progressing: true,
    });
    expect(progress.trendSlopePerWeek).toBeCloseTo(3, 12);
    expect(progress.projectedEndScore).toBeCloseTo(63, 12);
    expect(progress.decision?.verdict).toBe("insufficient-data");
    // Three scores draw a trend but give no chance of the goal: that takes four.
    expect(progress.probabilityOfReachingGoal).toBeNull();
  });

  it("gives the chance of reaching the goal from four scores", () => {
    const four = [...threeRising, { date: "2025-09-29", value: 52 }];
    const progress = analyseStudent({ studentId: "ana", scores: four }, context);
    expect(progress.probabilityOfReachingGoal).not.toBeNull();
    expect(progress.probabilityOfReachingGoal).toBeGreaterThan(0.5);
    expect(progress.probabilityOfReachingGoal).toBeLessThanOrEqual(1);
  });

  it("prefers a baseline recorded at enrollment", () => {
    const progress = analyseStudent(
      { studentId: "ana", baseline: 40, scores: threeRising },
      context,
    );
    expect(progress.baseline).toBe(40);
    expect(progress.aimSlopePerWeek).toBe(2);
  });

  it("is not progressing on a flat trend", () => {
    const flat = threeRising.map((score) => ({ ...score, value: 45 }));
    expect(analyseStudent({ studentId: "ana", scores: flat }, context).progressing).toBe(false);
  });

  it("compares the latest score with the baseline before a trend exists", () => {
    const twoScores = threeRising.slice(0, 2);
    expect(
      analyseStudent({ studentId: "ana", scores: twoScores, screeningScore: 40 }, context)
        .progressing,
    ).toBe(true);
    expect(
      analyseStudent({ studentId: "ana", scores: twoScores, screeningScore: 50 }, context)
        .progressing,
    ).toBe(false);
  });

  it("knows nothing without scores or a screening score", () => {
    expect(analyseStudent({ studentId: "ana", scores: [] }, context)).toEqual({
      studentId: "ana",
      scoreCount: 0,
      baseline: null,
      latest: null,
      trendSlopePerWeek: null,
      aimSlopePerWeek: null,
      projectedEndScore: null,
      probabilityOfReachingGoal: null,
      progressing: false,
      decision: null,
    });
  });

  it("counts falling scores as progress where lower is better", () => {
    const falling = threeRising.map((score) => ({ ...score, value: 60 - score.value }));
    const progress = analyseStudent(
      { studentId: "ana", scores: falling },
      { ...context, direction: "lower", goal: 4 },
    );
    expect(progress.progressing).toBe(true);
  });
});
