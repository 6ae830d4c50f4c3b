import { describe, expect, it } from "vitest";
import { fidelity } from "../attendance";
import { aimLine } from "./aim-line";
import { decisionRule } from "./decision-rule";

// Aim: 40 at 2025-09-01 rising 2 a week: 42, 44, 46, 48, 50, 52 on the six following Mondays.
const aim = aimLine({ baseline: 40, goal: 56, startDate: "2025-09-01", endDate: "2025-10-27" });
const aimValues = [42, 44, 46, 48, 50, 52];
const mondays = [
  "2025-09-08",
  "2025-09-15",
  "2025-09-22",
  "2025-09-29",
  "2025-10-06",
  "2025-10-13",
];

function scores(values: readonly number[]) {
  return values.map((value, index) => ({ date: mondays[index] ?? "", value }));
}

function offsetFromAim(offsets: readonly number[]) {
  return scores(offsets.map((offset, index) => (aimValues[index] ?? 0) + offset));
}

const trustedFidelity = fidelity({
  sessionsScheduledToDate: 100,
  sessionsHeld: 80,
  minutesPlanned: 3000,
  minutesDelivered: 3000,
});
const untrustedFidelity = fidelity({
  sessionsScheduledToDate: 100,
  sessionsHeld: 79,
  minutesPlanned: 3000,
  minutesDelivered: 3000,
});

describe("decisionRule: enough data", () => {
  it("waits with 5 scores, even when all are below the aim line", () => {
    expect(decisionRule({ scores: offsetFromAim([-3, -3, -3, -3, -3]), aimLine: aim })).toEqual({
      verdict: "insufficient-data",
      rule: null,
      explanation: "Not enough data yet: 6 scores are needed, 5 recorded.",
    });
  });

  it("decides with 6 scores", () => {
    expect(
      decisionRule({ scores: offsetFromAim([-3, -3, -3, -3, -3, -3]), aimLine: aim }).verdict,
    ).toBe("change-intervention");
  });

  it("says so when there are no scores", () => {
    expect(decisionRule({ scores: [], aimLine: aim }).explanation).toBe(
      "Not enough data yet: 6 scores are needed, 0 recorded.",
    );
  });

  it("waits when six scores share one date and draw no trend", () => {
    const sameDay = [44, 47, 45, 46, 47, 45].map((value) => ({ date: "2025-09-22", value }));
    expect(decisionRule({ scores: sameDay, aimLine: aim }).verdict).toBe("insufficient-data");
  });
});

describe("decisionRule: four-point rule", () => {
  it("raises the goal when the last 4 scores are all above the aim line", () => {
    expect(decisionRule({ scores: offsetFromAim([-5, -5, 1, 2, 3, 1]), aimLine: aim })).toEqual({
      verdict: "raise-goal",
      rule: "four-point",
      explanation: "The last 4 scores are all above the aim line: raise the goal.",
    });
  });

  it("changes the intervention when the last 4 scores are all below the aim line", () => {
    expect(decisionRule({ scores: offsetFromAim([5, 5, -1, -2, -3, -1]), aimLine: aim })).toEqual({
      verdict: "change-intervention",
      rule: "four-point",
      explanation: "The last 4 scores are all below the aim line: change the intervention.",
    });
  });

  it("reads the last 4 by date, not by the order given", () => {
    const shuffled = offsetFromAim([5, 5, -1, -2, -3, -1]).reverse();
    expect(decisionRule({ scores: shuffled, aimLine: aim }).verdict).toBe("change-intervention");
  });

  it("treats 3 below and 1 exactly on the line as mixed and hands over to the trend rule", () => {
    const decision = decisionRule({ scores: offsetFromAim([0, 0, -1, -2, -3, 0]), aimLine: aim });
    expect(decision.rule).toBe("trend");
  });

  it("treats 3 above and 1 exactly on the line as mixed too", () => {
    const decision = decisionRule({ scores: offsetFromAim([0, 0, 1, 0, 2, 3]), aimLine: aim });
    expect(decision.rule).toBe("trend");
  });
});

describe("decisionRule: trend rule on a mixed window", () => {
  it("changes the intervention when the trend is slower than the aim line", () => {
    // Slope 22 / 17.5 ≈ 1.26 a week against an aim of 2.
    expect(decisionRule({ scores: scores([44, 45, 47, 49, 49, 50]), aimLine: aim })).toEqual({
      verdict: "change-intervention",
      rule: "trend",
      explanation:
        "The last 4 scores are mixed, and the trend (1.26 per week) is improving more slowly than the aim line (2 per week): change the intervention.",
    });
  });

  it("raises the goal when the trend is faster than the aim line", () => {
    // Slope 47.5 / 17.5 ≈ 2.71 a week.
    expect(decisionRule({ scores: scores([38, 41, 47, 47, 51, 51]), aimLine: aim })).toEqual({
      verdict: "raise-goal",
      rule: "trend",
      explanation:
        "The last 4 scores are mixed, and the trend (2.71 per week) is improving faster than the aim line (2 per week): raise the goal.",
    });
  });

  it("continues when the trend keeps pace with the aim line", () => {
    // Offsets chosen so they do not tilt the fit: the slope stays exactly on the aim's 2.
    expect(decisionRule({ scores: offsetFromAim([0, 0, 1, -1, -1, 1]), aimLine: aim })).toEqual({
      verdict: "continue",
      rule: "trend",
      explanation:
        "The last 4 scores are mixed, and the trend (2 per week) keeps pace with the aim line (2 per week): continue the intervention.",
    });
  });

  it("continues when every score sits exactly on the aim line", () => {
    expect(decisionRule({ scores: offsetFromAim([0, 0, 0, 0, 0, 0]), aimLine: aim }).verdict).toBe(
      "continue",
    );
  });
});

describe("decisionRule: lower is better", () => {
  // Errors per minute, aim from 10 down to 2: 9, 8, 7, 6, 5, 4 on the six Mondays.
  const errorsAim = aimLine({
    baseline: 10,
    goal: 2,
    startDate: "2025-09-01",
    endDate: "2025-10-27",
  });

  it("raises the goal when the last 4 are all below the aim line", () => {
    expect(
      decisionRule({ scores: scores([9, 8, 6, 5, 4, 3]), aimLine: errorsAim, direction: "lower" }),
    ).toEqual({
      verdict: "raise-goal",
      rule: "four-point",
      explanation:
        "The last 4 scores are all below the aim line (lower is better for this measure): raise the goal.",
    });
  });

  it("changes the intervention when the last 4 are all above the aim line", () => {
    const decision = decisionRule({
      scores: scores([9, 8, 8, 7, 6, 5]),
      aimLine: errorsAim,
      direction: "lower",
    });
    expect(decision.verdict).toBe("change-intervention");
    expect(decision.explanation).toBe(
      "The last 4 scores are all above the aim line (lower is better for this measure): change the intervention.",
    );
  });

  it("changes the intervention when errors fall more slowly than the aim line", () => {
    // Mixed window (7 vs 7 is on the line), slope about -0.6 against -1.
    const decision = decisionRule({
      scores: scores([8, 8, 7, 7, 6, 5]),
      aimLine: errorsAim,
      direction: "lower",
    });
    expect(decision).toMatchObject({ verdict: "change-intervention", rule: "trend" });
  });

  it("raises the goal when errors fall faster than the aim line", () => {
    const decision = decisionRule({
      scores: scores([10, 9, 6, 6, 4, 4]),
      aimLine: errorsAim,
      direction: "lower",
    });
    expect(decision).toMatchObject({ verdict: "raise-goal", rule: "trend" });
  });
});

describe("decisionRule: fidelity first", () => {
  const fourBelow = offsetFromAim([5, 5, -1, -2, -3, -1]);
  const slowTrend = scores([44, 45, 47, 49, 49, 50]);

  it("asks for fidelity at 79% instead of a change", () => {
    expect(decisionRule({ scores: fourBelow, aimLine: aim, fidelity: untrustedFidelity })).toEqual({
      verdict: "improve-fidelity",
      rule: "four-point",
      explanation:
        "Improve fidelity first: 79% of scheduled sessions were held and 100% of planned minutes were delivered, and 80% of both is needed before the scores can be trusted. The last 4 scores are all below the aim line, but change the intervention only once it is delivered as planned.",
    });
  });

  it("lets the change stand at 80%", () => {
    expect(
      decisionRule({ scores: fourBelow, aimLine: aim, fidelity: trustedFidelity }).verdict,
    ).toBe("change-intervention");
  });

  it("also holds back a change from the trend rule", () => {
    expect(
      decisionRule({ scores: slowTrend, aimLine: aim, fidelity: untrustedFidelity }),
    ).toMatchObject({ verdict: "improve-fidelity", rule: "trend" });
  });

  it("reports short minutes and unknown rates in the explanation", () => {
    const shortMinutes = fidelity({
      sessionsScheduledToDate: 0,
      sessionsHeld: 0,
      minutesPlanned: 400,
      minutesDelivered: 300,
    });
    expect(
      decisionRule({ scores: fourBelow, aimLine: aim, fidelity: shortMinutes }).explanation,
    ).toContain(
      "Improve fidelity first: no sessions are scheduled to date and 75% of planned minutes were delivered",
    );
  });

  it("does not touch a verdict other than a change", () => {
    const fourAbove = offsetFromAim([-5, -5, 1, 2, 3, 1]);
    expect(
      decisionRule({ scores: fourAbove, aimLine: aim, fidelity: untrustedFidelity }).verdict,
    ).toBe("raise-goal");
  });

  it("applies no fidelity gate when fidelity is not given", () => {
    expect(decisionRule({ scores: fourBelow, aimLine: aim, fidelity: null }).verdict).toBe(
      "change-intervention",
    );
  });
});
