import { describe, expect, it } from "vitest";
import { ClockConfigError, pinnedClockOf, readPinned } from "./clock";

const REAL = Date.parse("2030-05-05T05:05:05Z");

describe("the pinned clock", () => {
  it("reads the real time when nothing is pinned", () => {
    expect(pinnedClockOf({}, REAL)).toBeNull();
    expect(pinnedClockOf({ NORTHSTAR_CLOCK: "  " }, REAL)).toBeNull();
  });

  it("starts at the pinned instant and runs on from the moment it was read", () => {
    const clock = pinnedClockOf({ NORTHSTAR_CLOCK: "2026-11-18T15:00:00Z" }, REAL)!;
    expect(new Date(readPinned(clock, REAL)).toISOString()).toBe("2026-11-18T15:00:00.000Z");
    expect(new Date(readPinned(clock, REAL + 90_000)).toISOString()).toBe(
      "2026-11-18T15:01:30.000Z",
    );
  });

  it("shares the moment it started with the processes it spawns", () => {
    const clock = pinnedClockOf(
      {
        NORTHSTAR_CLOCK: "2026-11-18T09:00:00-06:00",
        NORTHSTAR_CLOCK_SINCE: String(REAL - 60_000),
      },
      REAL,
    )!;
    expect(new Date(readPinned(clock, REAL)).toISOString()).toBe("2026-11-18T15:01:00.000Z");
  });

  it("stands still when frozen", () => {
    const clock = pinnedClockOf(
      { NORTHSTAR_CLOCK: "2026-11-18T23:59:00-06:00", NORTHSTAR_CLOCK_FROZEN: "true" },
      REAL,
    )!;
    expect(readPinned(clock, REAL + 3_600_000)).toBe(Date.parse("2026-11-19T05:59:00Z"));
  });

  it("refuses a value that is not an instant with its zone, naming the variable", () => {
    for (const value of ["2026-11-18", "2026-11-18T15:00:00", "tomorrow", "2026-13-40T10:00Z"]) {
      expect(() => pinnedClockOf({ NORTHSTAR_CLOCK: value }, REAL)).toThrow(/NORTHSTAR_CLOCK/);
    }
  });

  it("is refused in production unless a demo server is asked for", () => {
    const pinned = { NORTHSTAR_CLOCK: "2026-11-18T15:00:00Z", NODE_ENV: "production" };
    expect(() => pinnedClockOf(pinned, REAL)).toThrow(ClockConfigError);
    expect(() => pinnedClockOf(pinned, REAL)).toThrow(/NODE_ENV=production/);
    expect(pinnedClockOf({ ...pinned, NORTHSTAR_DEMO: "true" }, REAL)).not.toBeNull();
  });
});
