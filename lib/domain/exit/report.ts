import { gradeKey } from "../reports/assessment-catalogue";
import { type CutScoreEntry, resolveCutScores } from "../screening/resolve-cut-scores";
import type { ScreeningWindow } from "../screening/types";
import {
  type ExitCriterion,
  meetsDataCriteria,
  meetsExitCriteria,
  PROFICIENT_PROBES_NEEDED,
} from "./exit-criteria";

/** One probe as the report lists it. */
export interface ReportProbe {
  readonly date: string;
  readonly value: number;
}

/** The student's latest benchmark result, with the cut it is held to and where that cut came from. */
export interface ReportBenchmark {
  readonly assessmentName: string;
  readonly administeredOn: string;
  readonly window: string;
  readonly score: number;
  readonly cut: number;
  /** `group`: the intervention's own exit cut; `district`: the screening Tier 1 cut. */
  readonly cutSource: "group" | "district";
}

/**
 * The exit recommendation report (`exit_reviews.criteria`): each criterion with the data behind
 * it, as the specialist reads it before approving.
 */
export interface ExitReport {
  readonly evaluatedOn: string;
  readonly measureName: string | null;
  readonly direction: "higher" | "lower";
  readonly proficiencyTarget: number | null;
  readonly probesNeeded: number;
  /** The probes the criterion looked at (the last `probesNeeded`, oldest first). */
  readonly probes: readonly ReportProbe[];
  readonly probeCount: number;
  readonly benchmark: ReportBenchmark | null;
  readonly criteria: readonly ExitCriterion[];
  /** Both data criteria hold. */
  readonly dataMet: boolean;
}

export interface ExitReportInput {
  readonly evaluatedOn: string;
  readonly measureName: string | null;
  readonly direction: "higher" | "lower";
  readonly proficiencyTarget: number | null;
  readonly probesNeeded: number | null;
  /** The group's own benchmark cut (`exit_benchmark_cut`); null: the district's screening cut. */
  readonly groupBenchmarkCut: number | null;
  /** Every probe of the student in the group, in any order. */
  readonly probes: readonly ReportProbe[];
  readonly studentGrade: number;
  readonly latestBenchmark: {
    readonly assessmentName: string;
    readonly administeredOn: string;
    readonly window: ScreeningWindow;
    readonly score: number;
    readonly cutScores: readonly CutScoreEntry[];
  } | null;
  readonly facilitatorRecommends: boolean;
}

/** Probes in session order: by date, then as recorded. */
function inOrder(probes: readonly ReportProbe[]): ReportProbe[] {
  return probes
    .map((probe, index) => ({ probe, index }))
    .sort((a, b) => a.probe.date.localeCompare(b.probe.date) || a.index - b.index)
    .map(({ probe }) => probe);
}

/**
 * Builds the report from the student's data. A group without a proficiency target cannot judge
 * its probes, so that criterion is unmet and says why.
 */
export function exitReport(input: ExitReportInput): ExitReport {
  const probesNeeded = input.probesNeeded ?? PROFICIENT_PROBES_NEEDED;
  const ordered = inOrder(input.probes);
  const benchmark: ReportBenchmark | null = input.latestBenchmark
    ? {
        assessmentName: input.latestBenchmark.assessmentName,
        administeredOn: input.latestBenchmark.administeredOn,
        window: input.latestBenchmark.window,
        score: input.latestBenchmark.score,
        cut:
          input.groupBenchmarkCut ??
          resolveCutScores(input.latestBenchmark.cutScores, {
            window: input.latestBenchmark.window,
            grade: gradeKey(input.studentGrade),
          }).tier1Min,
        cutSource: input.groupBenchmarkCut === null ? "district" : "group",
      }
    : null;
  const result = meetsExitCriteria({
    probeScores: ordered.map((probe) => probe.value),
    proficiencyTarget: input.proficiencyTarget ?? 0,
    latestBenchmark: benchmark?.score ?? null,
    gradeLevelCut: benchmark?.cut ?? 0,
    facilitatorRecommends: input.facilitatorRecommends,
    direction: input.direction,
    probesNeeded,
    // Screening scores are read higher-is-better whatever the group's measure.
    benchmarkDirection: "higher",
  });
  const criteria = result.criteria.map((criterion) =>
    criterion.key === "consecutive-proficient-probes" && input.proficiencyTarget === null
      ? { ...criterion, met: false, detail: "The group has no proficiency target set." }
      : criterion,
  );
  const fixed = { met: criteria.every((c) => c.met), criteria };
  return {
    evaluatedOn: input.evaluatedOn,
    measureName: input.measureName,
    direction: input.direction,
    proficiencyTarget: input.proficiencyTarget,
    probesNeeded,
    probes: ordered.slice(-probesNeeded),
    probeCount: ordered.length,
    benchmark,
    criteria,
    dataMet: meetsDataCriteria(fixed),
  };
}

/** The report with the facilitator's recommendation written in (when they recommend). */
export function withRecommendation(report: ExitReport): ExitReport {
  const criteria = report.criteria.map((criterion) =>
    criterion.key === "facilitator-recommends"
      ? { ...criterion, met: true, detail: "The facilitator recommends exit." }
      : criterion,
  );
  return { ...report, criteria };
}
