import { formatMediumDate, formatShortDate } from "@/lib/domain/calendar/format";

/**
 * The time axis every progress chart shares (a student's chart, the effectiveness dashboard's):
 * x is epoch milliseconds at midnight UTC of a calendar date.
 */
export const toX = (date: string) => Date.parse(`${date}T00:00:00Z`);
/** x back to the calendar date it stands for. */
export const dateOf = (x: number) => new Date(x).toISOString().slice(0, 10);
export const shortDate = (x: number) => formatShortDate(dateOf(x));
export const longDate = (x: number) => formatMediumDate(dateOf(x));
export const DAY = 86_400_000;

/** The x range that shows every one of `xs` with three days' room on either side. */
export function paddedDomain(xs: readonly number[]): [number, number] {
  return [Math.min(...xs) - 3 * DAY, Math.max(...xs) + 3 * DAY];
}

/** A line from one dated value to another: an aim line. */
export interface DatedSegment {
  from: { date: string; value: number };
  to: { date: string; value: number };
}
