import { addDays, isValidLocalDate, type LocalDate } from "../calendar/dates";
import { z } from "../zod";

/**
 * The district's reporting calendar (issue 13, point 1; docs/domain.md, "Progress summaries"):
 * each school year's periods (quarters, trimesters) by their last day. A period runs from the
 * day after the previous one of its year ended (the year's first day for the first) to its end.
 */

export interface PeriodRow {
  id: string;
  name: string;
  endsOn: LocalDate;
  schoolYearId: string;
  yearFirstDay: LocalDate;
}

/** Summaries of a period go out on the days after it ends, until this many days have passed. */
export const SUMMARY_WINDOW_DAYS = 21;

/** The first day of `period`: the day after the previous period of its year, or the year's first. */
export function periodStart(periods: readonly PeriodRow[], period: PeriodRow): LocalDate {
  const earlier = periods
    .filter((p) => p.schoolYearId === period.schoolYearId && p.endsOn < period.endsOn)
    .map((p) => p.endsOn)
    .sort();
  const previousEnd = earlier.at(-1);
  return previousEnd ? addDays(previousEnd, 1) : period.yearFirstDay;
}

/**
 * The periods whose summaries are due on `today`: ended before today, and not longer ago than
 * the window (a runner that was down for a few days catches up; an old period is never sent).
 */
export function periodsDue<T extends PeriodRow>(periods: readonly T[], today: LocalDate): T[] {
  const earliest = addDays(today, -SUMMARY_WINDOW_DAYS);
  return periods.filter((p) => p.endsOn < today && p.endsOn >= earliest);
}

/** The period whose summary a specialist previews: the first that has not ended by `today`. */
export function upcomingPeriod<T extends PeriodRow>(
  periods: readonly T[],
  today: LocalDate,
): T | null {
  return (
    [...periods].sort((a, b) => (a.endsOn < b.endsOn ? -1 : 1)).find((p) => p.endsOn >= today) ??
    null
  );
}

export const newReportingPeriodSchema = z.object({
  schoolYearId: z.uuid({ message: "Choose the school year." }),
  name: z.string().trim().min(1, { message: "Name the period, e.g. Quarter 1." }).max(60),
  endsOn: z
    .string()
    .trim()
    .refine(isValidLocalDate, { message: "Enter the period's last day as YYYY-MM-DD." }),
});

export type NewReportingPeriod = z.output<typeof newReportingPeriodSchema>;

export const holdSummarySchema = z.object({
  periodId: z.uuid(),
  reason: z.string().trim().min(3, { message: "Say why the summary is held." }).max(500),
});
