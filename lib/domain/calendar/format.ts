import type { LocalDate } from "./dates";

/**
 * How the app writes dates and times: pages, letters, charts and exports all format through
 * here. A calendar date (YYYY-MM-DD) is rendered at noon UTC, so no time zone can move it to
 * another day; an instant is rendered in the district's time zone, never the server's.
 */

const ENGLISH = "en-US";

function calendarDate(date: LocalDate, options: Intl.DateTimeFormatOptions, locale: string) {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString(locale, { ...options, timeZone: "UTC" });
}

/** "Wed, Nov 18, 2026" */
export function formatDate(date: LocalDate, locale = ENGLISH): string {
  return calendarDate(
    date,
    { weekday: "short", month: "short", day: "numeric", year: "numeric" },
    locale,
  );
}

/** "Monday, Dec 7": a day soon enough that the year goes without saying. */
export function formatDaySoon(date: LocalDate, locale = ENGLISH): string {
  return calendarDate(date, { weekday: "long", month: "short", day: "numeric" }, locale);
}

/** "September 8, 2026" / "8 de septiembre de 2026": as a letter writes a date. */
export function formatLongDate(date: LocalDate, locale = ENGLISH): string {
  return calendarDate(date, { month: "long", day: "numeric", year: "numeric" }, locale);
}

/** "Dec 7": a chart's axis. */
export function formatShortDate(date: LocalDate, locale = ENGLISH): string {
  return calendarDate(date, { month: "short", day: "numeric" }, locale);
}

/** "Dec 7, 2026": a chart's tooltip. */
export function formatMediumDate(date: LocalDate, locale = ENGLISH): string {
  return calendarDate(date, { month: "short", day: "numeric", year: "numeric" }, locale);
}

/** "Wed, Nov 18, 10:00 AM" in the district's time zone. */
export function formatInstant(instant: string | Date, timeZone: string, locale = ENGLISH): string {
  return new Date(instant).toLocaleString(locale, {
    weekday: "short",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone,
  });
}

/** "10:00 AM" in `timeZone` (the district's; the device's own when left out). */
export function formatTime(instant: string | Date, timeZone?: string, locale = ENGLISH): string {
  return new Date(instant).toLocaleTimeString(locale, {
    hour: "numeric",
    minute: "2-digit",
    timeZone,
  });
}

/** A moment as an auditor reads it: full date with year and time to the second, and the zone. */
export function formatMoment(instant: Date | string | null, timeZone: string): string {
  if (!instant) return "—";
  return new Date(instant).toLocaleString(ENGLISH, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    second: "2-digit",
    timeZone,
    timeZoneName: "short",
  });
}
