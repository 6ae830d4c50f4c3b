import { describe, expect, it } from "vitest";
import { generateSessions } from "./generate-sessions";
import { replanSessions, type StoredSession } from "./replan";

const series = (startTime: string) =>
  generateSessions({
    startDate: "2026-11-16",
    durationWeeks: 2,
    pattern: { days: ["MO", "WE", "FR"], startTime, minutes: 30 },
    timeZone: "America/Chicago",
    nonInstructionalDays: new Set(),
  });

const stored: StoredSession[] = series("10:00").map((session, i) => ({
  id: `s${session.sequence}`,
  sequence: session.sequence,
  date: session.date,
  // Monday held, Wednesday cancelled, the rest still to come.
  status: i === 0 ? "held" : i === 1 ? "cancelled" : "scheduled",
  makeupForSessionId: null,
}));

describe("planning a group's sessions again", () => {
  it("replaces only the sessions still to come, and numbers the new ones after the kept", () => {
    const makeup: StoredSession = {
      id: "m1",
      sequence: 7,
      date: "2026-11-24",
      status: "scheduled",
      makeupForSessionId: "s2",
    };
    const { removed, added } = replanSessions([...stored, makeup], series("13:00"), "2026-11-20");
    // Friday the 20th onwards: s3 (Fri) to s6; the held, the cancelled and the make-up stay.
    expect(removed).toEqual(["s3", "s4", "s5", "s6"]);
    expect(added.map((s) => [s.sequence, s.date])).toEqual([
      [8, "2026-11-20"],
      [9, "2026-11-23"],
      [10, "2026-11-25"],
      [11, "2026-11-27"],
    ]);
    expect(added[0]?.startsAt.toISOString()).toBe("2026-11-20T19:00:00.000Z");
  });

  it("keeps a scheduled session of a past day: it was missed, not moved", () => {
    const missed = stored.map((s) => ({ ...s, status: "scheduled" as const }));
    const { removed } = replanSessions(missed, series("13:00"), "2026-11-23");
    expect(removed).toEqual(["s4", "s5", "s6"]);
  });
});
