import { describe, expect, it } from "vitest";
import { fidelity } from "../attendance";
import { findNonResponders, type NonResponderContext } from "./non-responders";
import type { StudentProgress } from "./student-progress";

const lowAndSlow: StudentProgress = {
  studentId: "ana",
  scoreCount: 6,
  baseline: 30,
  latest: 36,
  trendSlopePerWeek: 1,
  aimSlopePerWeek: 2.5,
  projectedEndScore: 39,
  probabilityOfReachingGoal: 0.1,
  progressing: true,
  decision: null,
};

function delivery(sessionsHeld: number) {
  return fidelity({
    sessionsScheduledToDate: 100,
    sessionsHeld,
    minutesPlanned: 3000,
    minutesDelivered: 3000,
  });
}

const context: NonResponderContext = {
  weeksElapsed: 6,
  fidelity: delivery(80),
  benchmarkCut: 50,
  direction: "higher",
};

describe("findNonResponders", () => {
  it("flags low level with low growth, and says why", () => {
    expect(findNonResponders([lowAndSlow], context)).toEqual([
      {
        studentId: "ana",
        reason:
          "Latest score 36 is short of the benchmark of 50, and the trend of 1 per week is slower than the aim of 2.5 per week: review for tier escalation.",
      },
    ]);
  });

  it("waits for 6 weeks", () => {
    expect(findNonResponders([lowAndSlow], { ...context, weeksElapsed: 5.9 })).toEqual([]);
  });

  it("waits for 6 scores", () => {
    expect(findNonResponders([{ ...lowAndSlow, scoreCount: 5 }], context)).toEqual([]);
  });

  it("flags nobody at 79% fidelity", () => {
    expect(findNonResponders([lowAndSlow], { ...context, fidelity: delivery(79) })).toEqual([]);
  });

  it("leaves out a student at the benchmark", () => {
    expect(findNonResponders([{ ...lowAndSlow, latest: 50 }], context)).toEqual([]);
  });

  it("leaves out a student growing as fast as the aim line", () => {
    expect(findNonResponders([{ ...lowAndSlow, trendSlopePerWeek: 2.5 }], context)).toEqual([]);
  });

  it("leaves out a student without a trend or aim line", () => {
    expect(findNonResponders([{ ...lowAndSlow, trendSlopePerWeek: null }], context)).toEqual([]);
    expect(findNonResponders([{ ...lowAndSlow, aimSlopePerWeek: null }], context)).toEqual([]);
  });

  it("reads level and growth the other way where lower is better", () => {
    const errors: StudentProgress = {
      ...lowAndSlow,
      latest: 7,
      trendSlopePerWeek: -0.2,
      aimSlopePerWeek: -1,
    };
    const lowerIsBetter = { ...context, benchmarkCut: 3, direction: "lower" as const };
    expect(findNonResponders([errors], lowerIsBetter)).toEqual([
      {
        studentId: "ana",
        reason:
          "Latest score 7 is short of the benchmark of 3, and the trend of -0.2 per week is slower than the aim of -1 per week (lower is better for this measure): review for tier escalation.",
      },
    ]);
    expect(findNonResponders([{ ...errors, latest: 3 }], lowerIsBetter)).toEqual([]);
    expect(findNonResponders([{ ...errors, trendSlopePerWeek: -1.5 }], lowerIsBetter)).toEqual([]);
  });
});
