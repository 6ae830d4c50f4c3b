import { isWeekend } from "../calendar/dates";
import { addDays, type CalendarDate } from "../progress";

export const FOLLOW_UP_WEEKS = 6;

/** One check-in a week after the exit date, the first a week after it. */
export function followUpSchedule(
  exitDate: CalendarDate,
  weeks: number = FOLLOW_UP_WEEKS,
): CalendarDate[] {
  if (!Number.isInteger(weeks) || weeks < 0) {
    throw new RangeError(`Not a number of weeks: ${weeks}`);
  }
  return Array.from({ length: weeks }, (_, index) => addDays(exitDate, 7 * (index + 1)));
}

/** A school day: a weekday that is not one of the district's non-instructional days. */
export function isSchoolDay(date: CalendarDate, nonInstructional: ReadonlySet<string>): boolean {
  return !isWeekend(date) && !nonInstructional.has(date);
}

/** The date itself when it is a school day, else the next school day (a year's search at most). */
export function nextSchoolDay(
  date: CalendarDate,
  nonInstructional: ReadonlySet<string>,
): CalendarDate {
  let day = date;
  for (let step = 0; step < 366; step += 1) {
    if (isSchoolDay(day, nonInstructional)) return day;
    day = addDays(day, 1);
  }
  return date;
}

/**
 * The weekly follow-up checks after an exit, each on a school day: a check that falls on a
 * weekend or a non-instructional day moves to the next school day. Dates stay strictly in order
 * (a long break never puts two checks on one day; the database keeps one per enrollment and day).
 */
export function followUpDueDates(
  exitDate: CalendarDate,
  nonInstructional: ReadonlySet<string>,
  weeks: number = FOLLOW_UP_WEEKS,
): CalendarDate[] {
  const due: CalendarDate[] = [];
  for (const planned of followUpSchedule(exitDate, weeks)) {
    const previous = due.at(-1);
    const earliest = previous && previous >= planned ? addDays(previous, 1) : planned;
    due.push(nextSchoolDay(earliest, nonInstructional));
  }
  return due;
}

/** A check still `due` after its day has passed is overdue (flagged on the dashboard). */
export function isFollowUpOverdue(
  followUp: { readonly status: string; readonly dueOn: CalendarDate },
  today: CalendarDate,
): boolean {
  return followUp.status === "due" && followUp.dueOn < today;
}
