import ICAL from "ical.js";

/**
 * Reads iCalendar text with ical.js, a parser independent of the library that writes it
 * (ical-generator), and expands each series the way a calendar program does: the rule, less
 * its EXDATEs, plus its RDATEs, with RECURRENCE-ID overrides applied — in the VTIMEZONE sent.
 */

export interface Occurrence {
  uid: string;
  /** Local date and wall-clock start in the event's zone. */
  date: string;
  time: string;
  minutes: number;
  /** The instant, as the VTIMEZONE sent places it. */
  utc: string;
  summary: string;
  status: string | null;
}

const pad = (n: number) => String(n).padStart(2, "0");

function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  ICAL.TimezoneService.reset();
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  // Parse again so every time with a TZID resolves to the zone just registered.
  return new ICAL.Component(ICAL.parse(text));
}

export function calendarProperty(text: string, name: string): string | null {
  const value = parseCalendar(text).getFirstPropertyValue(name);
  return value == null ? null : String(value);
}

/** Every occurrence of every series in the calendar, in time order. */
export function expandCalendar(text: string, limit = 2000): Occurrence[] {
  const calendar = parseCalendar(text);
  const events = calendar.getAllSubcomponents("vevent");
  const masters = events.filter((e) => !e.hasProperty("recurrence-id"));
  const occurrences: Occurrence[] = [];
  for (const masterComponent of masters) {
    const uid = String(masterComponent.getFirstPropertyValue("uid"));
    const master = new ICAL.Event(masterComponent);
    for (const exception of events) {
      if (exception.hasProperty("recurrence-id") && exception.getFirstPropertyValue("uid") === uid)
        master.relateException(exception);
    }
    const iterator = master.iterator();
    for (let next = iterator.next(), n = 0; next && n < limit; next = iterator.next(), n++) {
      const details = master.getOccurrenceDetails(next);
      const start = details.startDate;
      const minutes = details.endDate.subtractDate(start).toSeconds() / 60;
      occurrences.push({
        uid,
        date: `${start.year}-${pad(start.month)}-${pad(start.day)}`,
        time: `${pad(start.hour)}:${pad(start.minute)}`,
        minutes,
        utc: start.toJSDate().toISOString(),
        summary: details.item.summary,
        status: (details.item.component.getFirstPropertyValue("status") as string | null) ?? null,
      });
    }
  }
  return occurrences.sort((a, b) => a.utc.localeCompare(b.utc));
}

/** The VEVENTs of a calendar as plain property maps (for METHOD:CANCEL messages). */
export function calendarEvents(text: string) {
  return parseCalendar(text)
    .getAllSubcomponents("vevent")
    .map((event) => {
      const start = event.getFirstPropertyValue("dtstart") as ICAL.Time;
      const recurrenceId = event.getFirstPropertyValue("recurrence-id") as ICAL.Time | null;
      const local = (t: ICAL.Time) =>
        `${t.year}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}`;
      return {
        uid: String(event.getFirstPropertyValue("uid")),
        sequence: Number(event.getFirstPropertyValue("sequence")),
        status: event.getFirstPropertyValue("status") as string | null,
        start: local(start),
        recurrenceId: recurrenceId ? local(recurrenceId) : null,
        attendees: event
          .getAllProperties("attendee")
          .map((p) => String(p.getFirstValue()).replace(/^mailto:/i, "")),
      };
    });
}
