import { TZDate } from "@date-fns/tz";

/** A calendar date with no time or zone, as the school calendar speaks: "2026-09-08". */
export type LocalDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Read at UTC midnight, every day is exactly 24 hours long, so a daylight-saving change can
 * never turn a count of days into a fraction.
 */
function toUtc(date: LocalDate): Date {
  const match = ISO_DATE.exec(date);
  const utc = match
    ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
    : null;
  // Date.UTC quietly rolls 2026-02-30 into March; only a date that survives the round trip is real.
  if (!utc || fromUtc(utc) !== date)
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${date}"`);
  return utc;
}

function fromUtc(date: Date): LocalDate {
  return date.toISOString().slice(0, 10);
}

export function isValidLocalDate(date: string): boolean {
  try {
    toUtc(date);
    return true;
  } catch {
    return false;
  }
}

export function addDays(date: LocalDate, days: number): LocalDate {
  if (!Number.isInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`);
  const utc = toUtc(date);
  utc.setUTCDate(utc.getUTCDate() + days);
  return fromUtc(utc);
}

const MS_PER_DAY = 86_400_000;
const MAX_REMEMBERED_DAYS = 20_000;
/** Days since 1970-01-01 of dates already checked: trend lines ask for the same few dates often. */
const dayNumbers = new Map<LocalDate, number>();

function dayNumber(date: LocalDate): number {
  let day = dayNumbers.get(date);
  if (day === undefined) {
    day = toUtc(date).getTime() / MS_PER_DAY;
    if (dayNumbers.size >= MAX_REMEMBERED_DAYS) dayNumbers.clear();
    dayNumbers.set(date, day);
  }
  return day;
}

/** Calendar days from `from` to `to`; negative when `to` comes first. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function weeksBetween(from: LocalDate, to: LocalDate): number {
  return daysBetween(from, to) / 7;
}

export const WEEKDAYS = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"] as const;
/** iCalendar (RFC 5545) weekday codes, the form schedules are stored and exchanged in. */
export type Weekday = (typeof WEEKDAYS)[number];

export function weekdayOf(date: LocalDate): Weekday {
  return WEEKDAYS[toUtc(date).getUTCDay()]!;
}

/** The Monday of the week a date falls in (a Sunday's is six days before). */
export function weekStartOf(date: LocalDate): LocalDate {
  const index = WEEKDAYS.indexOf(weekdayOf(date));
  return addDays(date, -((index + 6) % 7));
}

/** Saturday and Sunday: never school days, whatever the district's calendar lists. */
export const WEEKEND_DAYS = ["SA", "SU"] as const satisfies readonly Weekday[];

/** Monday to Friday, in calendar order: the days a school week can hold sessions on. */
export const SCHOOL_WEEKDAYS = WEEKDAYS.filter(
  (day) => !(WEEKEND_DAYS as readonly Weekday[]).includes(day),
) as readonly Exclude<Weekday, (typeof WEEKEND_DAYS)[number]>[];

export function isWeekend(date: LocalDate): boolean {
  return (WEEKEND_DAYS as readonly Weekday[]).includes(weekdayOf(date));
}

/** Today's date on the district's wall calendar. */
export function todayIn(timeZone: string, now: Date): LocalDate {
  return new TZDate(now.getTime(), timeZone).toISOString().slice(0, 10);
}

/** The instant at which a wall-clock time ("10:00") occurs on `date` in `timeZone`. */
export function instantAt(date: LocalDate, time: string, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  return new Date(new TZDate(y, m - 1, d, hh, mm, timeZone).getTime());
}
