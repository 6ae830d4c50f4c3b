import { addDays, instantAt, type LocalDate, type Weekday, weekdayOf } from "../calendar/dates";

export interface WeeklyPattern {
  days: readonly Weekday[];
  /** Wall-clock start in the district's time zone, "HH:MM". */
  startTime: string;
  minutes: number;
}

export interface SessionPlanInput {
  startDate: LocalDate;
  durationWeeks: number;
  pattern: WeeklyPattern;
  timeZone: string;
  /** Holidays and other days the district marks non-instructional. */
  nonInstructionalDays: ReadonlySet<LocalDate>;
}

export interface PlannedSession {
  sequence: number;
  date: LocalDate;
  startsAt: Date;
  minutes: number;
}

/** Far beyond any real plan; only stops a calendar made entirely of holidays from looping. */
const MAX_DAYS_SCANNED = 3 * 366;

/**
 * Places weeks × sessions-per-week sessions on the pattern's weekdays from the start date.
 * Non-instructional days are skipped and the series runs on, so the planned count (the dose
 * the intervention promises) still happens; the end date is the last session's date.
 */
export function generateSessions(input: SessionPlanInput): PlannedSession[] {
  return plannedDates(input).map((date, index) => ({
    sequence: index + 1,
    date,
    startsAt: instantAt(date, input.pattern.startTime, input.timeZone),
    minutes: input.pattern.minutes,
  }));
}

/** The dates `generateSessions` places sessions on, without their instants (cheap to try many). */
export function plannedDates(
  input: Pick<SessionPlanInput, "startDate" | "durationWeeks" | "nonInstructionalDays"> & {
    pattern: Pick<WeeklyPattern, "days">;
  },
): LocalDate[] {
  const wanted = plannedSessionCount(input.durationWeeks, input.pattern.days);
  const days = new Set(input.pattern.days);
  const dates: LocalDate[] = [];
  for (let offset = 0; dates.length < wanted && offset < MAX_DAYS_SCANNED; offset++) {
    const date = addDays(input.startDate, offset);
    if (!days.has(weekdayOf(date)) || input.nonInstructionalDays.has(date)) continue;
    dates.push(date);
  }
  return dates;
}

export function plannedSessionCount(durationWeeks: number, days: readonly Weekday[]): number {
  return durationWeeks * new Set(days).size;
}

/** "3 times per week, 30 minutes" — the wording of the spec and of letters to families. */
export function describeFrequency(pattern: Pick<WeeklyPattern, "days" | "minutes">): string {
  const perWeek = new Set(pattern.days).size;
  const times = perWeek === 1 ? "Once" : perWeek === 2 ? "Twice" : `${perWeek} times`;
  return `${times} per week, ${pattern.minutes} minutes`;
}
