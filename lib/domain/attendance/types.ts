export const ATTENDANCE_STATUSES = ["present", "absent", "tardy", "excused"] as const;

export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export type AttendanceCounts = Record<AttendanceStatus, number>;

/**
 * The marks that count as attended: a tardy student still received the session. The session
 * lists' SQL tallies (db/queries/sessions/lists.ts) read this list, so the two cannot drift.
 */
export const ATTENDED_STATUSES = [
  "present",
  "tardy",
] as const satisfies readonly AttendanceStatus[];

/**
 * The marks left out of both sides of the rate: an excused absence was agreed by the school, so
 * it says nothing about whether the student shows up when expected. Read by the same SQL.
 */
export const UNCOUNTED_STATUSES = ["excused"] as const satisfies readonly AttendanceStatus[];
