import { describe, expect, it } from "vitest";
import { meetsDataCriteria, meetsExitCriteria } from "./exit-criteria";

const ready = {
  probeScores: [38, 44, 47, 50, 48],
  proficiencyTarget: 47,
  latestBenchmark: 55,
  gradeLevelCut: 50,
  facilitatorRecommends: true,
};

function criterion(result: ReturnType<typeof meetsExitCriteria>, key: string) {
  return result.criteria.find((entry) => entry.key === key);
}

describe("meetsExitCriteria", () => {
  it("is met when all three criteria hold, and explains each", () => {
    expect(meetsExitCriteria(ready)).toEqual({
      met: true,
      criteria: [
        {
          key: "consecutive-proficient-probes",
          met: true,
          detail:
            "The last 3 probe scores (47, 50, 48) are all at or above the proficiency target of 47.",
        },
        {
          key: "benchmark-at-grade-level",
          met: true,
          detail: "The latest benchmark score of 55 is at or above the grade-level cut of 50.",
        },
        {
          key: "facilitator-recommends",
          met: true,
          detail: "The facilitator recommends exit.",
        },
      ],
    });
  });

  it("counts a probe exactly on the target as proficient", () => {
    const result = meetsExitCriteria({ ...ready, probeScores: [47, 47, 47] });
    expect(criterion(result, "consecutive-proficient-probes")?.met).toBe(true);
  });

  it("needs the last three to be consecutive, not any three", () => {
    const result = meetsExitCriteria({ ...ready, probeScores: [50, 51, 52, 46, 49] });
    expect(result.met).toBe(false);
    expect(criterion(result, "consecutive-proficient-probes")).toEqual({
      key: "consecutive-proficient-probes",
      met: false,
      detail:
        "The last 3 probe scores (52, 46, 49) are not all at or above the proficiency target of 47.",
    });
  });

  it("needs three probes", () => {
    const result = meetsExitCriteria({ ...ready, probeScores: [60, 61] });
    expect(criterion(result, "consecutive-proficient-probes")).toEqual({
      key: "consecutive-proficient-probes",
      met: false,
      detail:
        "Only 2 probe scores recorded; the last 3 must be at or above the proficiency target of 47.",
    });
  });

  it("says how many probes exist when there is only one", () => {
    const result = meetsExitCriteria({ ...ready, probeScores: [60] });
    expect(criterion(result, "consecutive-proficient-probes")?.detail).toMatch(
      /^Only 1 probe score recorded;/,
    );
  });

  it("needs the benchmark at the grade-level cut", () => {
    const exactlyAtCut = meetsExitCriteria({ ...ready, latestBenchmark: 50 });
    expect(exactlyAtCut.met).toBe(true);
    const below = meetsExitCriteria({ ...ready, latestBenchmark: 49 });
    expect(below.met).toBe(false);
    expect(criterion(below, "benchmark-at-grade-level")?.detail).toBe(
      "The latest benchmark score of 49 is short of the grade-level cut of 50.",
    );
  });

  it("needs a benchmark score at all", () => {
    const result = meetsExitCriteria({ ...ready, latestBenchmark: null });
    expect(result.met).toBe(false);
    expect(criterion(result, "benchmark-at-grade-level")?.detail).toBe(
      "No benchmark score is recorded yet.",
    );
  });

  it("needs the facilitator's recommendation", () => {
    const result = meetsExitCriteria({ ...ready, facilitatorRecommends: false });
    expect(result.met).toBe(false);
    expect(criterion(result, "facilitator-recommends")).toEqual({
      key: "facilitator-recommends",
      met: false,
      detail: "The facilitator has not recommended exit.",
    });
  });

  it("reverses every comparison where lower is better", () => {
    const errors = {
      probeScores: [9, 4, 3, 2],
      proficiencyTarget: 4,
      latestBenchmark: 2,
      gradeLevelCut: 3,
      facilitatorRecommends: true,
      direction: "lower" as const,
    };
    const result = meetsExitCriteria(errors);
    expect(result.met).toBe(true);
    expect(criterion(result, "consecutive-proficient-probes")?.detail).toBe(
      "The last 3 probe scores (4, 3, 2) are all at or below the proficiency target of 4.",
    );
    const tooManyErrors = meetsExitCriteria({
      ...errors,
      probeScores: [3, 3, 5],
      latestBenchmark: 4,
    });
    expect(criterion(tooManyErrors, "consecutive-proficient-probes")?.met).toBe(false);
    expect(criterion(tooManyErrors, "benchmark-at-grade-level")?.met).toBe(false);
  });
});

describe("meetsExitCriteria with the group's number of probes", () => {
  it("meets 2 needed with 2 proficient in a row, but not 3 needed", () => {
    const scores = [30, 47, 48];
    const two = meetsExitCriteria({ ...ready, probeScores: scores, probesNeeded: 2 });
    expect(criterion(two, "consecutive-proficient-probes")).toEqual({
      key: "consecutive-proficient-probes",
      met: true,
      detail: "The last 2 probe scores (47, 48) are all at or above the proficiency target of 47.",
    });
    const three = meetsExitCriteria({ ...ready, probeScores: scores, probesNeeded: 3 });
    expect(criterion(three, "consecutive-proficient-probes")?.met).toBe(false);
  });

  it("counts equality at the target for every one of the N", () => {
    const result = meetsExitCriteria({ ...ready, probeScores: [47, 47, 47, 47], probesNeeded: 4 });
    expect(result.met).toBe(true);
    const oneShort = meetsExitCriteria({
      ...ready,
      probeScores: [47, 46.9, 47, 47],
      probesNeeded: 4,
    });
    expect(oneShort.met).toBe(false);
  });

  it("words a single probe", () => {
    const result = meetsExitCriteria({ ...ready, probeScores: [40, 50], probesNeeded: 1 });
    expect(criterion(result, "consecutive-proficient-probes")?.detail).toBe(
      "The last probe score (50) is at or above the proficiency target of 47.",
    );
  });

  it("refuses a number of probes outside 1–10", () => {
    expect(() => meetsExitCriteria({ ...ready, probesNeeded: 0 })).toThrow(RangeError);
    expect(() => meetsExitCriteria({ ...ready, probesNeeded: 11 })).toThrow(RangeError);
  });

  it("flags on the data alone: probes and benchmark, not the recommendation", () => {
    const result = meetsExitCriteria({ ...ready, facilitatorRecommends: false });
    expect(result.met).toBe(false);
    expect(meetsDataCriteria(result)).toBe(true);
    expect(meetsDataCriteria(meetsExitCriteria({ ...ready, latestBenchmark: null }))).toBe(false);
  });

  it("reads the benchmark in its own direction", () => {
    const result = meetsExitCriteria({
      probeScores: [3, 2, 1],
      proficiencyTarget: 3,
      latestBenchmark: 60,
      gradeLevelCut: 50,
      facilitatorRecommends: true,
      direction: "lower",
      benchmarkDirection: "higher",
    });
    expect(result.met).toBe(true);
  });
});
