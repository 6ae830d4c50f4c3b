import { atOrBetterPhrase, formatNumber, type MeasureDirection, meetsOrBeats } from "../progress";

/** Three in a row separates mastery from one good day (a group may ask for another number). */
export const PROFICIENT_PROBES_NEEDED = 3;

/** What a group may ask for: 1–10 consecutive proficient probes. */
export const MIN_PROBES_NEEDED = 1;
export const MAX_PROBES_NEEDED = 10;

export type ExitCriterionKey =
  | "consecutive-proficient-probes"
  | "benchmark-at-grade-level"
  | "facilitator-recommends";

export interface ExitCriterion {
  readonly key: ExitCriterionKey;
  readonly met: boolean;
  readonly detail: string;
}

/** The criteria the data decides (the job flags a student when both hold). */
export const DATA_CRITERIA: readonly ExitCriterionKey[] = [
  "consecutive-proficient-probes",
  "benchmark-at-grade-level",
];

export interface ExitCriteriaInput {
  /** In session order, oldest first. */
  readonly probeScores: readonly number[];
  readonly proficiencyTarget: number;
  readonly latestBenchmark: number | null;
  readonly gradeLevelCut: number;
  readonly facilitatorRecommends: boolean;
  readonly direction?: MeasureDirection;
  /** Consecutive proficient probes needed (`interventions.exit_probes_needed`); 3 when absent. */
  readonly probesNeeded?: number;
  /** The benchmark's direction when it differs from the probes' (screening scores: higher). */
  readonly benchmarkDirection?: MeasureDirection;
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
  needed: number,
): ExitCriterion {
  if (!Number.isInteger(needed) || needed < MIN_PROBES_NEEDED || needed > MAX_PROBES_NEEDED) {
    throw new RangeError(`Not a number of probes an exit may need: ${needed}`);
  }
  const key = "consecutive-proficient-probes";
  const requirement = `${atOrBetterPhrase(direction)} the proficiency target of ${formatNumber(target)}`;
  const last = needed === 1 ? "the last one" : `the last ${needed}`;
  if (probeScores.length < needed) {
    return {
      key,
      met: false,
      detail: `Only ${probeScores.length} probe ${probeScores.length === 1 ? "score" : "scores"} recorded; ${last} must be ${requirement}.`,
    };
  }
  const lastProbes = probeScores.slice(-needed);
  const met = lastProbes.every((score) => meetsOrBeats(score, target, direction));
  const listed = lastProbes.map((score) => formatNumber(score)).join(", ");
  const detail =
    needed === 1
      ? `The last probe score (${listed}) is ${met ? "" : "not "}${requirement}.`
      : `The last ${needed} probe scores (${listed}) are ${met ? "all" : "not all"} ${requirement}.`;
  return { key, met, detail };
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
 * All three must hold before a student exits (the two data criteria flag them for a recommendation): sustained mastery on the
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
  probesNeeded = PROFICIENT_PROBES_NEEDED,
  benchmarkDirection = direction,
}: ExitCriteriaInput): ExitCriteriaResult {
  const criteria = [
    proficientProbes(probeScores, proficiencyTarget, direction, probesNeeded),
    benchmarkAtGradeLevel(latestBenchmark, gradeLevelCut, benchmarkDirection),
    facilitatorRecommendation(facilitatorRecommends),
  ];
  return { met: criteria.every((criterion) => criterion.met), criteria };
}

/** True when the data criteria hold (probes and benchmark): the student is flagged for review. */
export function meetsDataCriteria(result: ExitCriteriaResult): boolean {
  return result.criteria
    .filter((criterion) => DATA_CRITERIA.includes(criterion.key))
    .every((criterion) => criterion.met);
}
