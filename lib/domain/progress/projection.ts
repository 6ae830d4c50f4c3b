import type { CalendarDate } from "./calendar-date";
import { type MeasureDirection, meetsOrBeats } from "./measure-direction";
import type { ScorePoint } from "./score";
import { nearlyEqual, normalCdf } from "./statistics";
import { trendLine } from "./trend-line";

export const MINIMUM_SCORES_FOR_PROBABILITY = 4;

export interface ProjectionInput {
  readonly scores: readonly ScorePoint[];
  readonly baseline: number | null;
  readonly goal: number;
  readonly startDate: CalendarDate;
  readonly endDate: CalendarDate;
  readonly direction?: MeasureDirection;
}

export interface Projection {
  readonly score: number | null;
  /** "baseline" when no trend exists yet and the baseline is carried forward. */
  readonly basis: "trend" | "baseline";
  readonly probabilityOfReachingGoal: number | null;
}

function probabilityOfReaching(
  goal: number,
  projected: number,
  standardError: number,
  direction: MeasureDirection,
): number {
  // Scores lying on their trend leave no doubt either way; testing "nearly" rather than exactly
  // zero keeps float noise in the residuals from deciding the answer.
  if (nearlyEqual(standardError, 0)) return meetsOrBeats(projected, goal, direction) ? 1 : 0;
  const z = (goal - projected) / standardError;
  // 1 − Φ(z) written as Φ(−z): the same number, without losing digits when Φ(z) is near 1.
  return direction === "higher" ? normalCdf(-z) : normalCdf(z);
}

export function projectedEndScore({
  scores,
  baseline,
  goal,
  startDate,
  endDate,
  direction = "higher",
}: ProjectionInput): Projection {
  const trend = trendLine(scores, startDate);
  if (trend === null) {
    return { score: baseline, basis: "baseline", probabilityOfReachingGoal: null };
  }
  const projected = trend.valueAt(endDate);
  const standardError =
    scores.length >= MINIMUM_SCORES_FOR_PROBABILITY
      ? trend.predictionStandardErrorAt(endDate)
      : null;
  return {
    score: projected,
    basis: "trend",
    probabilityOfReachingGoal:
      standardError === null
        ? null
        : probabilityOfReaching(goal, projected, standardError, direction),
  };
}
