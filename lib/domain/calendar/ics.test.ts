import { describe, expect, it } from "vitest";
import { calendarEvents, calendarProperty, expandCalendar } from "@/test/support/ical";
import { instantAt } from "./dates";
import { occurrenceCancellation, seriesCalendar } from "./ics";
import type { CalendarSeries, SeriesSession } from "./series";
import { vtimezone } from "./vtimezone";

const STAMP = new Date(Date.UTC(2026, 1, 1, 12));

function session(
  id: string,
  date: string,
  extra: Partial<SeriesSession> = {},
  time = "10:00",
): SeriesSession {
  return { id, date, time, minutes: 30, status: "scheduled", ...extra };
}

/**
 * Mondays and Wednesdays at 10:00 in Chicago across the start of daylight saving time
 * (Sunday 8 March 2026): a held session, a holiday (11 March, no session), a cancelled one, a
 * longer one, a make-up on a Friday afternoon and a session moved from Monday to Tuesday.
 */
function chicagoSeries(overrides: Partial<CalendarSeries> = {}): CalendarSeries {
  return {
    uid: "group-1@northstar-interventions",
    sequence: 3,
    summary: "Phonics Blends - Tier 2",
    description: "Intervention group.\nFacilitators: Ann Lee",
    location: "Room 4, Maple Grove Elementary",
    url: "https://northstar.example/interventions/1",
    organizer: { name: "Maple Grove", email: "no-reply@northstar.example" },
    attendees: [
      { name: "Ann Lee", email: "ann@maple.example" },
      { name: "Bo Chen", email: "bo@maple.example" },
    ],
    timeZone: "America/Chicago",
    pattern: {
      days: ["WE", "MO"],
      startTime: "10:00",
      minutes: 30,
      startDate: "2026-03-02",
      endDate: "2026-03-25",
    },
    sessions: [
      session("s1", "2026-03-02", { status: "held" }),
      session("s2", "2026-03-04", { status: "cancelled" }),
      session("s3", "2026-03-09", { minutes: 45 }),
      session("s4", "2026-03-13", { makeup: true }, "13:15"),
      session("s5", "2026-03-17", {}, "10:00"),
      session("s6", "2026-03-18"),
      session("s7", "2026-03-23"),
      session("s8", "2026-03-25"),
    ],
    cancelled: false,
    ...overrides,
  };
}

/** What a calendar should show: every session not cancelled, at its local time. */
function storedOccurrences(series: CalendarSeries) {
  return series.sessions
    .filter((s) => s.status !== "cancelled")
    .map((s) => ({
      date: s.date,
      time: s.time,
      minutes: s.minutes,
      utc: instantAt(s.date, s.time, series.timeZone).toISOString(),
    }))
    .sort((a, b) => a.utc.localeCompare(b.utc));
}

/** The lines of the text, with folded lines joined again. */
const unfolded = (text: string) => text.replace(/\r\n[ \t]/g, "").split("\r\n");

const shown = (text: string) =>
  expandCalendar(text).map(({ date, time, minutes, utc }) => ({ date, time, minutes, utc }));

describe("a group's calendar series", () => {
  it("is one weekly rule with EXDATEs, an RDATE and RECURRENCE-ID overrides, in the district's VTIMEZONE", () => {
    const text = seriesCalendar([chicagoSeries()], { method: "REQUEST", stamp: STAMP });
    const lines = unfolded(text);
    expect(lines).toContain("METHOD:REQUEST");
    expect(lines).toContain("TZID:America/Chicago");
    expect(lines).toContain("DTSTART;TZID=America/Chicago:20260302T100000");
    // UNTIL in UTC, as RFC 5545 requires with a zoned DTSTART: 10:00 CDT is 15:00Z.
    expect(lines).toContain("RRULE:FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20260325T150000Z");
    // The cancelled session, the holiday and the Monday the session moved away from.
    expect(lines).toContain(
      "EXDATE;TZID=America/Chicago:20260304T100000,20260311T100000,20260316T100000",
    );
    expect(lines).toContain("RDATE;TZID=America/Chicago:20260313T131500,20260317T100000");
    expect(lines.filter((l) => l.startsWith("RECURRENCE-ID"))).toEqual([
      "RECURRENCE-ID;TZID=America/Chicago:20260309T100000",
      "RECURRENCE-ID;TZID=America/Chicago:20260313T131500",
      "RECURRENCE-ID;TZID=America/Chicago:20260317T100000",
    ]);
    expect(lines.filter((l) => l.startsWith("UID:"))).toEqual(
      Array(4).fill("UID:group-1@northstar-interventions"),
    );
    expect(lines.filter((l) => l === "SEQUENCE:3")).toHaveLength(4);
  });

  it("parses with ical.js and expands to exactly the stored sessions", () => {
    const series = chicagoSeries();
    const text = seriesCalendar([series], { method: "REQUEST", stamp: STAMP });
    expect(shown(text)).toEqual(storedOccurrences(series));
    const makeup = expandCalendar(text).find((o) => o.date === "2026-03-13");
    expect(makeup?.summary).toBe("Phonics Blends - Tier 2 (make-up)");
  });

  it("keeps 10:00 local through the week daylight saving time starts and ends", () => {
    const series = chicagoSeries({
      pattern: {
        days: ["MO", "TU", "WE", "TH", "FR"],
        startTime: "10:00",
        minutes: 30,
        startDate: "2026-03-05",
        endDate: "2026-11-03",
      },
      sessions: [
        "2026-03-05",
        "2026-03-06",
        "2026-03-09",
        "2026-03-10",
        "2026-10-30",
        "2026-11-02",
        "2026-11-03",
      ].map((date, i) => session(`d${i}`, date)),
    });
    const occurrences = expandCalendar(
      seriesCalendar([series], { method: "REQUEST", stamp: STAMP }),
    );
    expect(occurrences.map((o) => o.time)).toEqual(Array(7).fill("10:00"));
    expect(occurrences.map((o) => o.utc.slice(11, 16))).toEqual([
      "16:00", // CST
      "16:00",
      "15:00", // CDT from Sunday 8 March
      "15:00",
      "15:00",
      "16:00", // CST again from Sunday 1 November
      "16:00",
    ]);
  });

  it("cancels one session with METHOD:CANCEL and its RECURRENCE-ID, leaving the series", () => {
    const series = chicagoSeries({ sequence: 4 });
    const cancelled = series.sessions.find((s) => s.id === "s6");
    if (!cancelled) throw new Error("fixture");
    const text = occurrenceCancellation(series, cancelled, { stamp: STAMP });
    expect(calendarProperty(text, "method")).toBe("CANCEL");
    expect(calendarEvents(text)).toEqual([
      {
        uid: series.uid,
        sequence: 4,
        status: "CANCELLED",
        start: "2026-03-18T10:00",
        recurrenceId: "2026-03-18T10:00",
        attendees: ["ann@maple.example", "bo@maple.example"],
      },
    ]);
    // Once stored as cancelled, the next update excludes it.
    const after = chicagoSeries({
      sequence: 4,
      sessions: series.sessions.map((s) =>
        s.id === "s6" ? { ...s, status: "cancelled" as const } : s,
      ),
    });
    const update = seriesCalendar([after], { method: "REQUEST", stamp: STAMP });
    expect(shown(update).map((o) => o.date)).not.toContain("2026-03-18");
    expect(shown(update)).toEqual(storedOccurrences(after));
  });

  it("cancels a whole group with its master event marked cancelled", () => {
    const text = seriesCalendar([chicagoSeries({ cancelled: true, sequence: 9 })], {
      method: "CANCEL",
      stamp: STAMP,
    });
    expect(calendarProperty(text, "method")).toBe("CANCEL");
    const events = calendarEvents(text);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ status: "CANCELLED", sequence: 9, recurrenceId: null });
  });

  it("publishes a feed of several groups with a refresh interval and no attendees", () => {
    const second = chicagoSeries({
      uid: "group-2@northstar-interventions",
      summary: "Math Facts",
      pattern: {
        days: ["TU"],
        startTime: "14:05",
        minutes: 20,
        startDate: "2026-03-03",
        endDate: "2026-03-10",
      },
      sessions: [
        session("m1", "2026-03-03", { minutes: 20 }, "14:05"),
        session("m2", "2026-03-10", { minutes: 20 }, "14:05"),
      ],
    });
    const text = seriesCalendar([chicagoSeries(), second], {
      name: "NorthStar sessions",
      refreshSeconds: 3600,
      stamp: STAMP,
    });
    const lines = unfolded(text);
    expect(lines).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT1H");
    expect(lines).toContain("X-PUBLISHED-TTL:PT1H");
    expect(lines).toContain("X-WR-CALNAME:NorthStar sessions");
    expect(lines.some((l) => l.startsWith("METHOD"))).toBe(false);
    expect(lines.some((l) => l.startsWith("ATTENDEE"))).toBe(false);
    expect(lines.filter((l) => l === "BEGIN:VTIMEZONE")).toHaveLength(1);
    const occurrences = expandCalendar(text);
    expect(occurrences.filter((o) => o.uid === second.uid).map((o) => o.time)).toEqual([
      "14:05",
      "14:05",
    ]);
    expect(occurrences).toHaveLength(storedOccurrences(chicagoSeries()).length + 2);
  });
});

describe("the VTIMEZONE written from the runtime's zone data", () => {
  it.each([
    ["Australia/Sydney", ["2026-04-02", "2026-04-09", "2026-10-01", "2026-10-08"]],
    ["Europe/London", ["2026-03-26", "2026-04-02", "2026-10-22", "2026-10-29"]],
    ["Asia/Kolkata", ["2026-03-26", "2026-04-02"]],
    ["America/Phoenix", ["2026-03-05", "2026-03-12"]],
  ])("places every session of a series in %s at its local time", (timeZone, dates) => {
    const series = chicagoSeries({
      timeZone,
      pattern: {
        days: ["TH"],
        startTime: "09:30",
        minutes: 30,
        startDate: dates[0] ?? "",
        endDate: dates.at(-1) ?? "",
      },
      sessions: dates.map((date, i) => session(`z${i}`, date, {}, "09:30")),
    });
    const text = seriesCalendar([series], { method: "REQUEST", stamp: STAMP });
    // Weeks without a session are excluded; the rest match the stored sessions.
    expect(shown(text)).toEqual(storedOccurrences(series));
  });

  it("writes yearly rules for a zone that changes the same way every year", () => {
    const text = vtimezone("America/Chicago", 2025, 2027);
    expect(text).toContain("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU");
    expect(text).toContain("RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU");
    expect(vtimezone("Asia/Tokyo", 2025, 2027)).toContain("TZOFFSETTO:+0900");
  });

  it("refuses a zone the runtime does not know", () => {
    expect(() => vtimezone("Mars/Olympus_Mons", 2026, 2026)).toThrow(RangeError);
  });
});
