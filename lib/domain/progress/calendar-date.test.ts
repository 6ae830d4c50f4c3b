import { afterEach, describe, expect, it } from "vitest";
import { addDays, daysBetween, weeksBetween } from "./calendar-date";

const originalTimeZone = process.env.TZ;

afterEach(() => {
  process.env.TZ = originalTimeZone;
});

describe("daysBetween", () => {
  it("counts calendar days, negative backwards", () => {
    expect(daysBetween("2025-09-08", "2025-10-31")).toBe(53);
    expect(daysBetween("2025-10-31", "2025-09-08")).toBe(-53);
    expect(daysBetween("2025-09-08", "2025-09-08")).toBe(0);
  });

  it("counts a leap day", () => {
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2025-02-28", "2025-03-01")).toBe(1);
  });

  it.each(["America/New_York", "Europe/Berlin", "Australia/Lord_Howe"])(
    "gives whole days across daylight-saving changes with the host in %s",
    (zone) => {
      process.env.TZ = zone;
      expect(daysBetween("2025-03-01", "2025-04-12")).toBe(42);
      expect(daysBetween("2025-10-20", "2025-11-10")).toBe(21);
    },
  );

  it.each(["2025-9-8", "2025-02-30", "2025-13-01", "08/09/2025", ""])("rejects %j", (date) => {
    expect(() => daysBetween(date, "2025-09-08")).toThrow(RangeError);
  });
});

describe("weeksBetween", () => {
  it("is days over seven", () => {
    expect(weeksBetween("2025-09-08", "2025-11-03")).toBe(8);
    expect(weeksBetween("2025-09-08", "2025-09-11")).toBeCloseTo(3 / 7, 15);
  });
});

describe("addDays", () => {
  it("crosses month and year ends", () => {
    expect(addDays("2025-09-29", 7)).toBe("2025-10-06");
    expect(addDays("2025-12-29", 7)).toBe("2026-01-05");
    expect(addDays("2024-02-27", 2)).toBe("2024-02-29");
  });

  it("goes backwards", () => {
    expect(addDays("2025-03-01", -1)).toBe("2025-02-28");
  });

  it("keeps the date across a daylight-saving change in the host's zone", () => {
    process.env.TZ = "America/New_York";
    expect(addDays("2025-11-01", 1)).toBe("2025-11-02");
    expect(addDays("2025-03-08", 1)).toBe("2025-03-09");
  });

  it("refuses part of a day", () => {
    expect(() => addDays("2025-09-08", 0.5)).toThrow(RangeError);
  });
});
