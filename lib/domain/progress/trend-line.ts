import { type CalendarDate, weeksBetween } from "./calendar-date";
import type { ScorePoint } from "./score";
import { ordinaryLeastSquares, predictionStandardError } from "./statistics";

export const MINIMUM_SCORES_FOR_TREND = 3;

export interface TrendLine {
  /** The rate of improvement (ROI in RTI usage). */
  readonly slopePerWeek: number;
  readonly interceptAtStart: number;
  readonly scoreCount: number;
  valueAt(date: CalendarDate): number;
  /** Null when too few scores leave no scatter to measure. */
  predictionStandardErrorAt(date: CalendarDate): number | null;
}

/** Null below 3 scores, or when every score shares one date and no slope exists. */
export function trendLine(
  scores: readonly ScorePoint[],
  startDate: CalendarDate,
): TrendLine | null {
  if (scores.length < MINIMUM_SCORES_FOR_TREND) return null;
  const fit = ordinaryLeastSquares(
    scores.map((score) => ({ x: weeksBetween(startDate, score.date), y: score.value })),
  );
  if (fit === null) return null;
  return {
    slopePerWeek: fit.slope,
    interceptAtStart: fit.intercept,
    scoreCount: scores.length,
    valueAt: (date) => fit.intercept + fit.slope * weeksBetween(startDate, date),
    predictionStandardErrorAt: (date) =>
      predictionStandardError(fit, weeksBetween(startDate, date)),
  };
}
