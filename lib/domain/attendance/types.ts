export const ATTENDANCE_STATUSES = ["present", "absent", "tardy", "excused"] as const;

export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export type AttendanceCounts = Record<AttendanceStatus, number>;
