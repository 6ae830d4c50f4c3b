import { atOrBetterPhrase, formatNumber, type MeasureDirection, meetsOrBeats } from "../progress";

/** Three in a row separates mastery from one good day. */
export const PROFICIENT_PROBES_NEEDED = 3;

export type ExitCriterionKey =
  | "three-consecutive-proficient"
  | "benchmark-at-grade-level"
  | "facilitator-recommends";

export interface ExitCriterion {
  readonly key: ExitCriterionKey;
  readonly met: boolean;
  readonly detail: string;
}

export interface ExitCriteriaInput {
  /** In session order, oldest first. */
  readonly probeScores: readonly number[];
  readonly proficiencyTarget: number;
  readonly latestBenchmark: number | null;
  readonly gradeLevelCut: number;
  readonly facilitatorRecommends: boolean;
  readonly direction?: MeasureDirection;
}

export interface ExitCriteriaResult {
  /** True only when every criterion is met. */
  readonly met: boolean;
  readonly criteria: readonly ExitCriterion[];
}

function proficientProbes(
  probeScores: readonly number[],
  target: number,
  direction: MeasureDirection,
): ExitCriterion {
  const key = "three-consecutive-proficient";
  const requirement = `${atOrBetterPhrase(direction)} the proficiency target of ${formatNumber(target)}`;
  if (probeScores.length < PROFICIENT_PROBES_NEEDED) {
    return {
      key,
      met: false,
      detail: `Only ${probeScores.length} probe ${probeScores.length === 1 ? "score" : "scores"} recorded; the last ${PROFICIENT_PROBES_NEEDED} must be ${requirement}.`,
    };
  }
  const lastProbes = probeScores.slice(-PROFICIENT_PROBES_NEEDED);
  const met = lastProbes.every((score) => meetsOrBeats(score, target, direction));
  const listed = lastProbes.map((score) => formatNumber(score)).join(", ");
  return {
    key,
    met,
    detail: `The last ${PROFICIENT_PROBES_NEEDED} probe scores (${listed}) are ${met ? "all" : "not all"} ${requirement}.`,
  };
}

function benchmarkAtGradeLevel(
  latestBenchmark: number | null,
  gradeLevelCut: number,
  direction: MeasureDirection,
): ExitCriterion {
  const key = "benchmark-at-grade-level";
  const cut = `the grade-level cut of ${formatNumber(gradeLevelCut)}`;
  if (latestBenchmark === null) {
    return { key, met: false, detail: "No benchmark score is recorded yet." };
  }
  const met = meetsOrBeats(latestBenchmark, gradeLevelCut, direction);
  const standing = met ? atOrBetterPhrase(direction) : "short of";
  return {
    key,
    met,
    detail: `The latest benchmark score of ${formatNumber(latestBenchmark)} is ${standing} ${cut}.`,
  };
}

function facilitatorRecommendation(recommends: boolean): ExitCriterion {
  return {
    key: "facilitator-recommends",
    met: recommends,
    detail: recommends
      ? "The facilitator recommends exit."
      : "The facilitator has not recommended exit.",
  };
}

/**
 * All three must hold before a student is flagged for exit review: sustained mastery on the
 * intervention's own probes, grade-level performance on the benchmark everyone takes, and the
 * judgement of the adult who sees the student work.
 */
export function meetsExitCriteria({
  probeScores,
  proficiencyTarget,
  latestBenchmark,
  gradeLevelCut,
  facilitatorRecommends,
  direction = "higher",
}: ExitCriteriaInput): ExitCriteriaResult {
  const criteria = [
    proficientProbes(probeScores, proficiencyTarget, direction),
    benchmarkAtGradeLevel(latestBenchmark, gradeLevelCut, direction),
    facilitatorRecommendation(facilitatorRecommends),
  ];
  return { met: criteria.every((criterion) => criterion.met), criteria };
}
