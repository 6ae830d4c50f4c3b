import { formatMediumDate, formatShortDate } from "@/lib/domain/calendar/format";

/**
 * The time axis every progress chart shares (a student's chart, the effectiveness dashboard's):
 * x is epoch milliseconds at midnight UTC of a calendar date.
 */
export const toX = (date: string) => Date.parse(`${date}T00:00:00Z`);
const dateOf = (x: number) => new Date(x).toISOString().slice(0, 10);
export const shortDate = (x: number) => formatShortDate(dateOf(x));
export const longDate = (x: number) => formatMediumDate(dateOf(x));
export const DAY = 86_400_000;

/** A line from one dated value to another: an aim line. */
export interface DatedSegment {
  from: { date: string; value: number };
  to: { date: string; value: number };
}
