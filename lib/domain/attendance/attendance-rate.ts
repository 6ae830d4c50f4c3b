import { ratio } from "./ratio";
import type { AttendanceCounts, AttendanceStatus } from "./types";

export function countByStatus(marks: readonly AttendanceStatus[]): AttendanceCounts {
  const counts: AttendanceCounts = { present: 0, absent: 0, tardy: 0, excused: 0 };
  for (const status of marks) counts[status] += 1;
  return counts;
}

/** A tardy student still received the session, so tardy counts as attended. */
export function attendedCount(counts: AttendanceCounts): number {
  return counts.present + counts.tardy;
}

/**
 * An excused absence is left out of both sides: the school agreed the student would not be
 * there, so it says nothing about whether the student shows up when expected.
 */
export function attendanceRateFromCounts(counts: AttendanceCounts): number | null {
  const attended = attendedCount(counts);
  return ratio(attended, attended + counts.absent);
}

export function attendanceRate(marks: readonly AttendanceStatus[]): number | null {
  return attendanceRateFromCounts(countByStatus(marks));
}
