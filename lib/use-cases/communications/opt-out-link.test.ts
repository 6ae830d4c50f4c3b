import { describe, expect, it } from "vitest";
import { describeSubject, type OptOutSubject } from "./opt-out-link";

const subject = {
  interventionName: "Phonics Blends - Tier 2",
  scheduleDays: ["MO", "WE", "FR"],
  startTime: "10:00",
  sessionMinutes: 30,
  startDate: "2026-11-02",
  endDate: "2026-12-23",
  studentFirstName: "Sophia",
  guardianLanguage: "es",
  districtName: "Maple Grove School District",
  districtTimeZone: "America/Chicago",
  districtSettings: { optOut: "one-click" },
} as unknown as OptOutSubject;

describe("an opt-out decision as the family reads it", () => {
  it("is dated by the district's calendar: 23:30 in Chicago is not yet tomorrow", () => {
    const lateEvening = new Date("2026-11-19T05:30:00Z");
    expect(describeSubject(subject, lateEvening)).toMatchObject({
      state: "done",
      decidedOn: "2026-11-18",
    });
    expect(describeSubject(subject, null)).toMatchObject({ state: "ready", decidedOn: null });
  });
});
