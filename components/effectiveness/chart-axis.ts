import { formatMediumDate, formatShortDate } from "@/lib/domain/calendar/format";

/**
 * The charts' x is epoch milliseconds at midnight UTC of a calendar date, as the student's
 * progress chart has it (components/progress/progress-chart.tsx).
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
