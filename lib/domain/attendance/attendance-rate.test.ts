import { describe, expect, it } from "vitest";
import {
  attendanceRate,
  attendanceRateFromCounts,
  attendedCount,
  countByStatus,
} from "./attendance-rate";
import type { AttendanceStatus } from "./types";

function marks(counts: Partial<Record<AttendanceStatus, number>>): AttendanceStatus[] {
  return Object.entries(counts).flatMap(([status, count]) =>
    Array.from({ length: count }, () => status as AttendanceStatus),
  );
}

describe("countByStatus", () => {
  it("counts every status, including the ones that never occur", () => {
    expect(countByStatus(["present", "absent", "present", "excused"])).toEqual({
      present: 2,
      absent: 1,
      tardy: 0,
      excused: 1,
    });
  });

  it("gives zeros for no marks", () => {
    expect(countByStatus([])).toEqual({ present: 0, absent: 0, tardy: 0, excused: 0 });
  });
});

describe("attendanceRate", () => {
  it("reproduces Scenario 3: 4 present and 2 absent is two thirds", () => {
    const rate = attendanceRate(marks({ present: 4, absent: 2 }));
    expect(rate).toBeCloseTo(2 / 3, 12);
    expect(Math.round((rate ?? 0) * 100)).toBe(67);
  });

  it("counts tardy as attended", () => {
    expect(attendanceRate(marks({ present: 2, tardy: 1, absent: 1 }))).toBe(0.75);
  });

  it("leaves excused marks out of numerator and denominator", () => {
    expect(attendanceRate(marks({ present: 3, absent: 1, excused: 4 }))).toBe(0.75);
  });

  it("is unknown when there are no marks", () => {
    expect(attendanceRate([])).toBeNull();
  });

  it("is unknown when every mark is excused", () => {
    expect(attendanceRate(marks({ excused: 3 }))).toBeNull();
  });

  it("is zero when every counted mark is an absence", () => {
    expect(attendanceRate(marks({ absent: 2, excused: 1 }))).toBe(0);
  });
});

describe("attendanceRateFromCounts", () => {
  it("agrees with the rate computed from marks", () => {
    expect(attendanceRateFromCounts({ present: 96, tardy: 6, absent: 18, excused: 4 })).toBe(0.85);
  });
});

describe("attendedCount", () => {
  it("counts present and tardy", () => {
    expect(attendedCount({ present: 4, tardy: 1, absent: 2, excused: 3 })).toBe(5);
  });
});
