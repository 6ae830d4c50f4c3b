import { TZDate } from "@date-fns/tz";
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  type ICalEventData,
  ICalEventStatus,
} from "ical-generator";
import { WEEKDAYS } from "./dates";
import {
  type CalendarSeries,
  type LocalSlot,
  type SeriesSession,
  seriesShape,
  slotInstant,
} from "./series";
import { vtimezone } from "./vtimezone";

/**
 * iCalendar text (RFC 5545, with the iTIP methods of RFC 5546) for groups' session series,
 * written with ical-generator: the invite or update (METHOD:REQUEST), the cancellation of a group
 * or of one session (METHOD:CANCEL), and the subscribable feed (no method, REFRESH-INTERVAL).
 * Pure: every time in it comes from the description, the stamp from the caller.
 */

export type CalendarMethod = "REQUEST" | "CANCEL";

export interface CalendarOptions {
  /** iTIP method; none for a feed or a download. */
  method?: CalendarMethod | null;
  /** The calendar's name (X-WR-CALNAME), for a feed. */
  name?: string | null;
  /** How often a subscriber should refresh, in seconds (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
  refreshSeconds?: number | null;
  /** DTSTAMP: when this text was made. */
  stamp: Date;
}

export const ICS_CONTENT_TYPE = "text/calendar; charset=utf-8";

const PROD_ID = { company: "NorthStar Interventions", product: "Sessions", language: "EN" };
const WEEK_ORDER = [...WEEKDAYS.slice(1), WEEKDAYS[0]];

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** A local slot as iCalendar writes a DATE-TIME with TZID ("20261005T100000"). */
function localStamp(slot: LocalSlot): string {
  return `${slot.date.replaceAll("-", "")}T${slot.time.replace(":", "")}00`;
}

function utcStamp(instant: Date): string {
  return (
    `${pad(instant.getUTCFullYear(), 4)}${pad(instant.getUTCMonth() + 1)}${pad(instant.getUTCDate())}` +
    `T${pad(instant.getUTCHours())}${pad(instant.getUTCMinutes())}${pad(instant.getUTCSeconds())}Z`
  );
}

const endOf = (start: TZDate, minutes: number, timeZone: string) =>
  new TZDate(start.getTime() + minutes * 60_000, timeZone);

/** The years a calendar's times fall in, for its VTIMEZONE. */
function yearsOf(series: readonly CalendarSeries[]): [number, number] {
  const dates = series.flatMap((s) => [
    s.pattern.startDate,
    s.pattern.endDate,
    ...s.sessions.map((x) => x.date),
  ]);
  const years = dates.map((d) => Number(d.slice(0, 4)));
  return [Math.min(...years), Math.max(...years)];
}

/** RRULE, EXDATE and RDATE lines of the master event, as ical-generator inserts them. */
function recurrenceLines(series: CalendarSeries): string {
  const shape = seriesShape(series);
  const tz = series.timeZone;
  const days = WEEK_ORDER.filter((d) => series.pattern.days.includes(d));
  const lines = [
    `RRULE:FREQ=WEEKLY;BYDAY=${days.join(",")};UNTIL=${utcStamp(slotInstant(shape.last, tz))}`,
  ];
  if (shape.excluded.length > 0)
    lines.push(`EXDATE;TZID=${tz}:${shape.excluded.map(localStamp).join(",")}`);
  if (shape.extra.length > 0)
    lines.push(`RDATE;TZID=${tz}:${shape.extra.map(localStamp).join(",")}`);
  return lines.join("\n");
}

function people(series: CalendarSeries): Pick<ICalEventData, "organizer" | "attendees"> {
  return {
    organizer: { name: series.organizer.name, email: series.organizer.email },
    attendees: series.attendees.map((a) => ({
      name: a.name,
      email: a.email,
      role: ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.NEEDSACTION,
      // Replies would go to a no-reply organizer; the schedule is kept in NorthStar.
      rsvp: false,
    })),
  };
}

function commonFields(series: CalendarSeries, options: CalendarOptions, invite: boolean) {
  return {
    id: series.uid,
    sequence: series.sequence,
    stamp: options.stamp,
    timezone: series.timeZone,
    summary: series.summary,
    description: series.description,
    location: series.location,
    url: series.url,
    ...(invite ? people(series) : {}),
  } satisfies Partial<ICalEventData>;
}

function sessionEvent(
  series: CalendarSeries,
  session: SeriesSession,
  options: CalendarOptions,
  invite: boolean,
): ICalEventData {
  const start = slotInstant(session, series.timeZone);
  return {
    ...commonFields(series, options, invite),
    recurrenceId: start,
    start,
    end: endOf(start, session.minutes, series.timeZone),
    summary: session.makeup ? `${series.summary} (make-up)` : series.summary,
    status: ICalEventStatus.CONFIRMED,
  };
}

function newCalendar(series: readonly CalendarSeries[], options: CalendarOptions) {
  const [fromYear, toYear] = series.length > 0 ? yearsOf(series) : [0, 0];
  const calendar = ical({
    prodId: PROD_ID,
    // No calendar-wide zone name: each time carries its TZID and UNTIL stays in UTC (RFC 5545).
    timezone: { name: null, generator: (tz) => vtimezone(tz, fromYear - 1, toYear + 1) },
    method: options.method ? ICalCalendarMethod[options.method] : null,
    name: options.name ?? null,
    ttl: options.refreshSeconds ?? null,
  });
  const zones = new Set(series.map((s) => s.timeZone));
  if (zones.size === 1) calendar.x("X-WR-TIMEZONE", [...zones][0] ?? "");
  return calendar;
}

/**
 * The series of `series` in one VCALENDAR: for each group its master event (weekly rule,
 * EXDATE, RDATE) and an event per session off the rule or of another length (RECURRENCE-ID).
 * With `method` REQUEST it is an invite or update naming organizer and attendees; with CANCEL
 * (a cancelled group) only the master event goes, marked cancelled.
 */
export function seriesCalendar(series: readonly CalendarSeries[], options: CalendarOptions) {
  const calendar = newCalendar(series, options);
  const invite = !!options.method;
  for (const s of series) {
    const shape = seriesShape(s);
    const start = slotInstant(shape.first, s.timeZone);
    calendar.createEvent({
      ...commonFields(s, options, invite),
      start,
      end: endOf(start, s.pattern.minutes, s.timeZone),
      repeating: recurrenceLines(s),
      status: s.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
    if (options.method === "CANCEL") continue;
    for (const session of [...shape.resized, ...shape.extra])
      calendar.createEvent(sessionEvent(s, session, options, invite));
  }
  return calendar.toString();
}

/**
 * The cancellation of one session (RFC 5546 §3.2.5): METHOD:CANCEL with the series' UID, the
 * raised SEQUENCE and the occurrence's RECURRENCE-ID, so calendars drop that occurrence only.
 */
export function occurrenceCancellation(
  series: CalendarSeries,
  session: SeriesSession,
  options: Omit<CalendarOptions, "method">,
) {
  const calendar = newCalendar([series], { ...options, method: "CANCEL" });
  calendar.createEvent({
    ...sessionEvent(series, session, { ...options, method: "CANCEL" }, true),
    status: ICalEventStatus.CANCELLED,
  });
  return calendar.toString();
}

/**
 * The kinds of the mails that carry a calendar (communications.kind): their body is the
 * iCalendar text, sent as the text/calendar part; their email_body is the note beside it.
 */
export const CALENDAR_MAIL_KINDS = {
  REQUEST: "calendar-request",
  CANCEL: "calendar-cancel",
} as const satisfies Record<CalendarMethod, string>;

/** The iTIP method a mail of this kind carries, or null for any other mail. */
export function calendarMethodOfMail(kind: string): CalendarMethod | null {
  if (kind === CALENDAR_MAIL_KINDS.REQUEST) return "REQUEST";
  if (kind === CALENDAR_MAIL_KINDS.CANCEL) return "CANCEL";
  return null;
}
