import { describe, expect, it } from "vitest";
import { fidelity } from "../attendance";
import { type RecommendationInput, recommend } from "./recommendation";

function delivery(sessionsHeld: number, sessionsScheduledToDate = 100) {
  return fidelity({
    sessionsScheduledToDate,
    sessionsHeld,
    minutesPlanned: sessionsScheduledToDate * 30,
    minutesDelivered: sessionsHeld * 30,
  });
}

const onCourse: RecommendationInput = {
  fidelity: delivery(90),
  progressingRate: 0.9,
  projectedEndAverage: 70,
  goal: 65,
  direction: "higher",
  anyFourPointRaise: false,
  pastMidpoint: false,
};

describe("recommend", () => {
  it("continues for the planned duration when most progress and the group is on course", () => {
    expect(recommend(onCourse)).toBe("Continue for planned duration");
  });

  it("continues at exactly 80% progressing and a projection exactly at the goal", () => {
    expect(recommend({ ...onCourse, progressingRate: 0.8, projectedEndAverage: 65 })).toBe(
      "Continue for planned duration",
    );
  });

  it("asks for delivery first at 79% fidelity, whatever else holds", () => {
    const poorDelivery = { ...onCourse, fidelity: delivery(79) };
    expect(recommend(poorDelivery)).toBe(
      "Improve attendance and fidelity before changing the intervention",
    );
    expect(recommend({ ...poorDelivery, anyFourPointRaise: true })).toBe(
      "Improve attendance and fidelity before changing the intervention",
    );
    expect(recommend({ ...onCourse, fidelity: delivery(80) })).toBe(
      "Continue for planned duration",
    );
  });

  it("does not blame delivery before any session was scheduled", () => {
    expect(recommend({ ...onCourse, fidelity: delivery(0, 0) })).toBe(
      "Continue for planned duration",
    );
  });

  it("suggests early exit ahead of continuing when some students beat their aim line", () => {
    expect(recommend({ ...onCourse, anyFourPointRaise: true })).toBe(
      "Consider early exit for students at goal",
    );
    expect(recommend({ ...onCourse, anyFourPointRaise: true, progressingRate: 0.5 })).toBe(
      "Consider early exit for students at goal",
    );
  });

  it("does not suggest early exit while the group is projected short of the goal", () => {
    expect(recommend({ ...onCourse, anyFourPointRaise: true, projectedEndAverage: 60 })).toBe(
      "Continue and keep monitoring",
    );
  });

  it("does not continue for the planned duration below 80% progressing", () => {
    expect(recommend({ ...onCourse, progressingRate: 0.79 })).toBe("Continue and keep monitoring");
  });

  it("modifies when fewer than half progress past the midpoint", () => {
    const struggling = {
      ...onCourse,
      progressingRate: 0.49,
      projectedEndAverage: 55,
      pastMidpoint: true,
    };
    expect(recommend(struggling)).toBe("Modify or intensify the intervention");
    expect(recommend({ ...struggling, progressingRate: 0.5 })).toBe("Continue and keep monitoring");
    expect(recommend({ ...struggling, pastMidpoint: false })).toBe("Continue and keep monitoring");
  });

  it("keeps monitoring without a projection or a progress rate", () => {
    expect(recommend({ ...onCourse, projectedEndAverage: null })).toBe(
      "Continue and keep monitoring",
    );
    expect(recommend({ ...onCourse, progressingRate: null, pastMidpoint: true })).toBe(
      "Continue and keep monitoring",
    );
  });

  it("reads the goal the other way where lower is better", () => {
    const errors = { ...onCourse, direction: "lower" as const, goal: 3 };
    expect(recommend({ ...errors, projectedEndAverage: 2.5 })).toBe(
      "Continue for planned duration",
    );
    expect(recommend({ ...errors, projectedEndAverage: 3.5 })).toBe("Continue and keep monitoring");
  });
});
