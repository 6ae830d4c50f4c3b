import { TZDate } from "@date-fns/tz";

/** A calendar date with no time or zone, as the school calendar speaks: "2026-09-08". */
export type LocalDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses as UTC midnight so calendar arithmetic never meets a daylight-saving change. */
function toUtc(date: LocalDate): Date {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  const [, y, m, d] = match;
  return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
}

function fromUtc(date: Date): LocalDate {
  return date.toISOString().slice(0, 10);
}

export function isValidLocalDate(date: string): boolean {
  const match = ISO_DATE.exec(date);
  return match !== null && fromUtc(toUtc(date)) === date;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const utc = toUtc(date);
  utc.setUTCDate(utc.getUTCDate() + days);
  return fromUtc(utc);
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

export const WEEKDAYS = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"] as const;
/** iCalendar (RFC 5545) weekday codes, the form schedules are stored and exchanged in. */
export type Weekday = (typeof WEEKDAYS)[number];

export function weekdayOf(date: LocalDate): Weekday {
  return WEEKDAYS[toUtc(date).getUTCDay()]!;
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
