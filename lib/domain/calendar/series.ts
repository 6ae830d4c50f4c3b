import { TZDate } from "@date-fns/tz";
import { clockTimeAt } from "../scheduling/clock-time";
import { addDays, daysBetween, type LocalDate, type Weekday, weekdayOf } from "./dates";

/**
 * One group's sessions as a single iCalendar series (docs/decisions/0014-calendar-series.md):
 * a weekly rule on the group's days at its start time, EXDATE for each day of the rule without
 * a session there (holidays, cancelled or moved sessions), and each session off the rule (a
 * make-up, a moved session) as an extra date (RDATE) with its own event (RECURRENCE-ID). Pure:
 * the description in, the shape out; lib/domain/calendar/ics.ts writes it.
 */

type SeriesSessionStatus = "scheduled" | "held" | "cancelled";

/** A stored session, on the district's wall clock. */
export interface SeriesSession {
  id: string;
  date: LocalDate;
  /** Local start, "HH:MM". */
  time: string;
  minutes: number;
  status: SeriesSessionStatus;
  /** Added to make up for a cancelled session. */
  makeup?: boolean;
}

interface CalendarPerson {
  name: string;
  email: string;
}

export interface CalendarSeries {
  /** Stable for the life of the group: calendars match updates and cancellations on it. */
  uid: string;
  /** Raised on every change sent (iCalendar SEQUENCE). */
  sequence: number;
  summary: string;
  description: string;
  location: string | null;
  /** The group's page, for the event's URL. */
  url: string | null;
  organizer: CalendarPerson;
  attendees: CalendarPerson[];
  timeZone: string;
  pattern: {
    days: readonly Weekday[];
    /** Local start, "HH:MM". */
    startTime: string;
    minutes: number;
    startDate: LocalDate;
    endDate: LocalDate;
  };
  sessions: SeriesSession[];
  /** The whole group was cancelled. */
  cancelled: boolean;
}

/** A local date and wall-clock time: how iCalendar names an occurrence with a TZID. */
export interface LocalSlot {
  date: LocalDate;
  time: string;
}

export interface SeriesShape {
  /** DTSTART of the rule: the first day of the pattern, at the pattern's time. */
  first: LocalSlot;
  /** The rule's last occurrence (UNTIL). */
  last: LocalSlot;
  /** Occurrences of the rule that have no session. */
  excluded: LocalSlot[];
  /** Sessions on the rule whose length differs from the pattern's (override only). */
  resized: SeriesSession[];
  /** Sessions off the rule: RDATE plus an override each. */
  extra: SeriesSession[];
}

const slotKey = (slot: LocalSlot) => `${slot.date}T${slot.time}`;

/** Wall-clock "HH:MM" of an instant in `timeZone`. */
export function localTimeOf(instant: Date, timeZone: string): string {
  const local = new TZDate(instant.getTime(), timeZone);
  return clockTimeAt(local.getHours() * 60 + local.getMinutes());
}

/** The instant a local slot names in `timeZone`. */
export function slotInstant(slot: LocalSlot, timeZone: string): TZDate {
  const [y, m, d] = slot.date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = slot.time.split(":").map(Number) as [number, number];
  return new TZDate(y, m - 1, d, hh, mm, timeZone);
}

/** How the series of `series` is written: the rule, its exclusions and its exceptions. */
export function seriesShape(series: CalendarSeries): SeriesShape {
  const { pattern } = series;
  const days = new Set(pattern.days);
  const active = series.sessions.filter((s) => s.status !== "cancelled");
  // The rule starts at the group's first pattern day, or earlier if a session was moved before it.
  let firstDate = pattern.startDate;
  while (!days.has(weekdayOf(firstDate)) && firstDate < pattern.endDate)
    firstDate = addDays(firstDate, 1);
  const earliest = active.map((s) => s.date).sort()[0];
  if (earliest && earliest < firstDate) firstDate = earliest;
  const first: LocalSlot = { date: firstDate, time: pattern.startTime };

  // DTSTART is always an occurrence, even off the weekdays; then every pattern day to the end.
  const slots: LocalSlot[] = [first];
  const span = daysBetween(firstDate, pattern.endDate);
  for (let offset = 1; offset <= span; offset++) {
    const date = addDays(firstDate, offset);
    if (days.has(weekdayOf(date))) slots.push({ date, time: pattern.startTime });
  }
  const last = slots.at(-1) ?? first;

  const bySlot = new Map<string, SeriesSession>();
  for (const session of active) {
    const key = slotKey(session);
    if (!bySlot.has(key)) bySlot.set(key, session);
  }
  const claimed = new Set<string>();
  const excluded: LocalSlot[] = [];
  const resized: SeriesSession[] = [];
  for (const slot of slots) {
    const session = bySlot.get(slotKey(slot));
    if (!session) {
      excluded.push(slot);
      continue;
    }
    claimed.add(session.id);
    if (session.minutes !== pattern.minutes) resized.push(session);
  }
  const extra = active
    .filter((s) => !claimed.has(s.id))
    .sort((a, b) => slotKey(a).localeCompare(slotKey(b)));
  return { first, last, excluded, resized, extra };
}
