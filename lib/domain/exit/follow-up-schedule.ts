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
