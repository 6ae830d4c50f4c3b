import { ratio } from "./ratio";
import {
  ATTENDANCE_STATUSES,
  ATTENDED_STATUSES,
  type AttendanceCounts,
  type AttendanceStatus,
  UNCOUNTED_STATUSES,
} from "./types";

const sumOf = (counts: AttendanceCounts, statuses: readonly AttendanceStatus[]) =>
  statuses.reduce((sum, status) => sum + counts[status], 0);

/** The marks the rate is taken over: every status but the uncounted ones (excused). */
const COUNTED_STATUSES = ATTENDANCE_STATUSES.filter(
  (status) => !(UNCOUNTED_STATUSES as readonly AttendanceStatus[]).includes(status),
);

export function countByStatus(marks: readonly AttendanceStatus[]): AttendanceCounts {
  const counts: AttendanceCounts = { present: 0, absent: 0, tardy: 0, excused: 0 };
  for (const status of marks) counts[status] += 1;
  return counts;
}

/** Present and tardy (types.ts → ATTENDED_STATUSES): a tardy student still received the session. */
export function attendedCount(counts: AttendanceCounts): number {
  return sumOf(counts, ATTENDED_STATUSES);
}

/** The marks a rate is taken over: all but excused absences (types.ts → UNCOUNTED_STATUSES). */
export function countedMarks(counts: AttendanceCounts): number {
  return sumOf(counts, COUNTED_STATUSES);
}

/** Attended over every counted mark. */
export function attendanceRateFromCounts(counts: AttendanceCounts): number | null {
  return ratio(attendedCount(counts), countedMarks(counts));
}

export function attendanceRate(marks: readonly AttendanceStatus[]): number | null {
  return attendanceRateFromCounts(countByStatus(marks));
}
