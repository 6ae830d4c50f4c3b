import { describe, expect, it } from "vitest";
import { addDays, daysBetween, instantAt, isValidLocalDate, todayIn, weekdayOf } from "./dates";

describe("calendar dates", () => {
  it("adds days across month and year ends", () => {
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
  });

  it("counts days across a daylight-saving change without drift", () => {
    expect(daysBetween("2026-11-01", "2026-11-08")).toBe(7);
    expect(daysBetween("2026-03-08", "2026-03-01")).toBe(-7);
  });

  it("names weekdays with iCalendar codes", () => {
    expect(weekdayOf("2026-11-25")).toBe("WE");
    expect(weekdayOf("2026-11-29")).toBe("SU");
  });

  it("rejects impossible dates", () => {
    expect(isValidLocalDate("2026-02-30")).toBe(false);
    expect(isValidLocalDate("2026-2-3")).toBe(false);
    expect(isValidLocalDate("2026-02-28")).toBe(true);
  });

  it("keeps 10:00 local on both sides of a daylight-saving change", () => {
    expect(instantAt("2026-10-30", "10:00", "America/Chicago").toISOString()).toBe(
      "2026-10-30T15:00:00.000Z",
    );
    expect(instantAt("2026-11-02", "10:00", "America/Chicago").toISOString()).toBe(
      "2026-11-02T16:00:00.000Z",
    );
  });

  it("tells today's date in the district's zone, not the server's", () => {
    const lateEveningInChicago = new Date("2026-11-26T04:30:00Z");
    expect(todayIn("America/Chicago", lateEveningInChicago)).toBe("2026-11-25");
    expect(todayIn("UTC", lateEveningInChicago)).toBe("2026-11-26");
  });
});
