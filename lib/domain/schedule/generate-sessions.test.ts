import { describe, expect, it } from "vitest";
import { describeFrequency, generateSessions } from "./generate-sessions";

const mondayWednesdayFriday = {
  days: ["MO", "WE", "FR"] as const,
  startTime: "10:00",
  minutes: 30,
};

describe("generateSessions", () => {
  it("plans 24 sessions for 8 weeks three times a week (Scenario 1)", () => {
    const sessions = generateSessions({
      startDate: "2026-09-07",
      durationWeeks: 8,
      pattern: { ...mondayWednesdayFriday, days: [...mondayWednesdayFriday.days] },
      timeZone: "America/Chicago",
      nonInstructionalDays: new Set(),
    });
    expect(sessions).toHaveLength(24);
    expect(sessions[0]?.date).toBe("2026-09-07");
    expect(sessions.at(-1)?.date).toBe("2026-10-30");
    expect(sessions.map((s) => s.sequence)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
  });

  it("skips non-instructional days and extends the series to keep the planned count", () => {
    const sessions = generateSessions({
      startDate: "2026-11-23",
      durationWeeks: 2,
      pattern: { days: ["MO", "WE", "FR"], startTime: "10:00", minutes: 30 },
      timeZone: "America/Chicago",
      nonInstructionalDays: new Set(["2026-11-25", "2026-11-27"]),
    });
    expect(sessions.map((s) => s.date)).toEqual([
      "2026-11-23",
      "2026-11-30",
      "2026-12-02",
      "2026-12-04",
      "2026-12-07",
      "2026-12-09",
    ]);
  });

  it("starts on the first pattern day on or after a start date that is not one", () => {
    const sessions = generateSessions({
      startDate: "2026-11-24",
      durationWeeks: 1,
      pattern: { days: ["MO", "WE", "FR"], startTime: "10:00", minutes: 30 },
      timeZone: "America/Chicago",
      nonInstructionalDays: new Set(),
    });
    expect(sessions.map((s) => s.date)).toEqual(["2026-11-25", "2026-11-27", "2026-11-30"]);
  });

  it("keeps the local start time across the end of daylight saving time", () => {
    const sessions = generateSessions({
      startDate: "2026-10-26",
      durationWeeks: 2,
      pattern: { days: ["MO"], startTime: "10:00", minutes: 30 },
      timeZone: "America/New_York",
      nonInstructionalDays: new Set(),
    });
    expect(sessions.map((s) => s.startsAt.toISOString())).toEqual([
      "2026-10-26T14:00:00.000Z",
      "2026-11-02T15:00:00.000Z",
    ]);
  });

  it("gives up rather than loop when every day is a holiday", () => {
    const sessions = generateSessions({
      startDate: "2026-01-05",
      durationWeeks: 1,
      pattern: { days: ["MO"], startTime: "10:00", minutes: 30 },
      timeZone: "UTC",
      nonInstructionalDays: { has: () => true } as unknown as ReadonlySet<string>,
    });
    expect(sessions).toEqual([]);
  });
});

describe("describeFrequency", () => {
  it("words the weekly pattern as the spec does", () => {
    expect(describeFrequency({ days: ["MO", "WE", "FR"], minutes: 30 })).toBe(
      "3 times per week, 30 minutes",
    );
    expect(describeFrequency({ days: ["TU"], minutes: 45 })).toBe("Once per week, 45 minutes");
    expect(describeFrequency({ days: ["MO", "TH"], minutes: 20 })).toBe(
      "Twice per week, 20 minutes",
    );
  });
});
