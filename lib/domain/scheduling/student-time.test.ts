import { describe, expect, it } from "vitest";
import { type StudentDayFacts, studentBusyTimes } from "./student-time";

// A middle school on an A/B rotation from Monday 2026-11-16; Wednesday the 18th is a holiday.
const facts: StudentDayFacts = {
  schools: [
    {
      id: "mgms",
      dayRotation: ["A", "B"],
      rotationStartsOn: "2026-11-16",
      bellPeriods: [
        { dayType: "A", label: "2", startTime: "09:30", endTime: "10:55" },
        { dayType: "B", label: "6", startTime: "09:30", endTime: "10:55" },
        { dayType: "", label: "HR", startTime: "07:45", endTime: "08:00" },
      ],
    },
  ],
  students: [
    { id: "ana", schoolId: "mgms", grade: 7 },
    { id: "ben", schoolId: "mgms", grade: 8 },
  ],
  sections: [
    { name: "Math 7 (A days)", schoolId: "mgms", periods: ["2"], studentIds: ["ana"] },
    { name: "Homeroom", schoolId: "mgms", periods: ["HR"], studentIds: ["ana", "ben"] },
  ],
  protectedBlocks: [
    {
      schoolId: "mgms",
      grade: 8,
      label: "Grade 8 math",
      days: ["MO", "TU"],
      startTime: "13:00",
      endTime: "13:50",
    },
  ],
  nonInstructionalDays: new Set(["2026-11-18"]),
};

const describeBusy = (dates: string[]) =>
  studentBusyTimes(dates, facts).map(
    (b) => `${b.date} ${b.studentId} ${b.kind} ${b.label} ${b.startTime}-${b.endTime}`,
  );

describe("a student's busy times", () => {
  it("follows the rotation: the A-day class meets Monday and, after the holiday, Thursday", () => {
    // Mon A, Tue B, (Wed holiday), Thu A.
    expect(describeBusy(["2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19"])).toEqual([
      "2026-11-16 ana class Math 7 (A days) 09:30-10:55",
      "2026-11-16 ana class Homeroom 07:45-08:00",
      "2026-11-16 ben class Homeroom 07:45-08:00",
      "2026-11-16 ben protected Grade 8 math 13:00-13:50",
      "2026-11-17 ana class Homeroom 07:45-08:00",
      "2026-11-17 ben class Homeroom 07:45-08:00",
      "2026-11-17 ben protected Grade 8 math 13:00-13:50",
      "2026-11-19 ana class Math 7 (A days) 09:30-10:55",
      "2026-11-19 ana class Homeroom 07:45-08:00",
      "2026-11-19 ben class Homeroom 07:45-08:00",
    ]);
  });
});
