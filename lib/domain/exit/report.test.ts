import { describe, expect, it } from "vitest";
import { exitReport, withRecommendation } from "./report";

const base = {
  evaluatedOn: "2026-11-18",
  measureName: "Words correct per minute",
  direction: "higher" as const,
  proficiencyTarget: 60,
  probesNeeded: 3,
  groupBenchmarkCut: null,
  probes: [
    { date: "2026-11-16", value: 64 },
    { date: "2026-11-02", value: 50 },
    { date: "2026-11-09", value: 61 },
    { date: "2026-11-11", value: 60 },
  ],
  studentGrade: 3,
  latestBenchmark: {
    assessmentName: "DIBELS ORF",
    administeredOn: "2026-09-10",
    window: "fall" as const,
    score: 72,
    cutScores: [{ window: "fall" as const, grade: "3", cuts: { tier1Min: 70, tier2Min: 40 } }],
  },
  facilitatorRecommends: false,
};

describe("exitReport", () => {
  it("lists the probes in date order and the cut for the student's grade and window", () => {
    const report = exitReport(base);
    expect(report.probes).toEqual([
      { date: "2026-11-09", value: 61 },
      { date: "2026-11-11", value: 60 },
      { date: "2026-11-16", value: 64 },
    ]);
    expect(report.probeCount).toBe(4);
    expect(report.benchmark).toMatchObject({ score: 72, cut: 70, cutSource: "district" });
    expect(report.dataMet).toBe(true);
    expect(report.criteria.find((c) => c.key === "facilitator-recommends")?.met).toBe(false);
    expect(
      withRecommendation(report).criteria.find((c) => c.key === "facilitator-recommends")?.met,
    ).toBe(true);
  });

  it("uses the group's own cut when it has one", () => {
    const report = exitReport({ ...base, groupBenchmarkCut: 80 });
    expect(report.benchmark).toMatchObject({ cut: 80, cutSource: "group" });
    expect(report.dataMet).toBe(false);
  });

  it("is not met without a benchmark or without a target", () => {
    expect(exitReport({ ...base, latestBenchmark: null }).dataMet).toBe(false);
    const noTarget = exitReport({ ...base, proficiencyTarget: null });
    expect(noTarget.dataMet).toBe(false);
    expect(noTarget.criteria[0]?.detail).toBe("The group has no proficiency target set.");
  });
});
