/** A school-calendar date, "YYYY-MM-DD", local to the district. */
export type CalendarDate = string;

const CALENDAR_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MILLISECONDS_PER_DAY = 86_400_000;

/**
 * Read at UTC midnight, every day is exactly 24 hours long, so a daylight-saving change in the
 * host's time zone can never turn a count of days into a fraction.
 */
function utcMidnight(date: CalendarDate): number {
  const match = CALENDAR_DATE_PATTERN.exec(date);
  const time = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  // Date.UTC quietly rolls 2025-02-30 into March; only a date that survives the round trip is real.
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${date}"`);
  }
  return time;
}

/** Calendar days from `from` to `to`; negative when `to` comes first. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return (utcMidnight(to) - utcMidnight(from)) / MILLISECONDS_PER_DAY;
}

export function weeksBetween(from: CalendarDate, to: CalendarDate): number {
  return daysBetween(from, to) / 7;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  if (!Number.isInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`);
  return new Date(utcMidnight(date) + days * MILLISECONDS_PER_DAY).toISOString().slice(0, 10);
}
