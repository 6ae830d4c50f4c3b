import { type ScorePoint, sortByDate } from "./score";
import { median } from "./statistics";

export const BASELINE_SCORE_COUNT = 3;

/**
 * The median of the first three scores resists one unusually good or bad day at the start.
 * With fewer than three, the screening score is the steadier reference; without one, the median
 * of what exists is better than nothing.
 */
export function baseline(
  scores: readonly ScorePoint[],
  screeningScore?: number | null,
): number | null {
  const values = sortByDate(scores).map((score) => score.value);
  if (values.length >= BASELINE_SCORE_COUNT) {
    return median(values.slice(0, BASELINE_SCORE_COUNT));
  }
  return screeningScore ?? median(values);
}
