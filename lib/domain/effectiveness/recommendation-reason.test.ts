import { describe, expect, it } from "vitest";
import { fidelity } from "../attendance";
import { RECOMMENDATIONS } from "./recommendation";
import {
  isPastMidpoint,
  type RecommendationReasonInput,
  recommendationReason,
} from "./recommendation-reason";

const delivered = fidelity({
  sessionsScheduledToDate: 12,
  sessionsHeld: 12,
  minutesPlanned: 360,
  minutesDelivered: 360,
});

// Scenario 6: 5 of 6 progressing, projected 68.
const scenario6: RecommendationReasonInput = {
  recommendation: RECOMMENDATIONS.continuePlanned,
  fidelity: delivered,
  projectedEndAverage: 68,
  studentsProgressing: { count: 5, total: 6, rate: 0.83 },
  goal: 65,
  direction: "higher",
  fourPointRaises: 0,
  pastMidpoint: false,
};

describe("recommendationReason", () => {
  it("names rule 3 and Scenario 6's figures for 'Continue for planned duration'", () => {
    expect(recommendationReason(scenario6)).toEqual({
      step: 3,
      rule: "The group is on course and at least 80% of its students are progressing.",
      because:
        "The projected end average of 68 meets the goal of 65; 5 of 6 students (83%) progressing.",
    });
  });

  it("gives the delivery rates known for rule 1", () => {
    const reason = recommendationReason({
      ...scenario6,
      recommendation: RECOMMENDATIONS.improveFidelity,
      fidelity: fidelity({
        sessionsScheduledToDate: 10,
        sessionsHeld: 7,
        minutesPlanned: 300,
        minutesDelivered: 210,
      }),
    });
    expect(reason.step).toBe(1);
    expect(reason.rule).toContain("below 80%");
    expect(reason.because).toBe(
      "70% of the sessions scheduled so far were held; 70% of the planned minutes were delivered.",
    );
  });

  it("counts the students ahead of their aim line for rule 2", () => {
    const reason = recommendationReason({
      ...scenario6,
      recommendation: RECOMMENDATIONS.considerEarlyExit,
      fourPointRaises: 2,
    });
    expect(reason.step).toBe(2);
    expect(reason.because).toBe(
      "The projected end average of 68 meets the goal of 65; 2 students' last 4 scores are all ahead of the aim line.",
    );
  });

  it("says past the midpoint for rule 4", () => {
    const reason = recommendationReason({
      ...scenario6,
      recommendation: RECOMMENDATIONS.modify,
      studentsProgressing: { count: 2, total: 6, rate: 0.33 },
      pastMidpoint: true,
    });
    expect(reason.step).toBe(4);
    expect(reason.because).toBe("Past the midpoint, 2 of 6 students (33%) progressing.");
  });

  it("explains the default rule 5 with what fell short, where lower is better too", () => {
    const reason = recommendationReason({
      ...scenario6,
      recommendation: RECOMMENDATIONS.keepMonitoring,
      direction: "lower",
      goal: 4,
      projectedEndAverage: 7,
    });
    expect(reason.step).toBe(5);
    expect(reason.because).toBe(
      "The projected end average of 7 falls short of the goal of 4; 5 of 6 students (83%) progressing; the midpoint is still ahead.",
    );
  });

  it("says when there is no projection yet and the rate is unknown", () => {
    const reason = recommendationReason({
      ...scenario6,
      recommendation: RECOMMENDATIONS.keepMonitoring,
      projectedEndAverage: null,
      studentsProgressing: { count: 0, total: 0, rate: null },
      pastMidpoint: true,
    });
    expect(reason.because).toBe(
      "No projected end average yet (no student has a score); 0 of 0 students progressing.",
    );
  });
});

describe("isPastMidpoint", () => {
  it("is false on the middle day itself and true the day after", () => {
    expect(isPastMidpoint("2025-09-01", "2025-09-11", "2025-09-06")).toBe(false);
    expect(isPastMidpoint("2025-09-01", "2025-09-11", "2025-09-07")).toBe(true);
  });
});
