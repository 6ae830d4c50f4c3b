import type { Tx } from "@/db/client";
import { attendanceCountsOf, enrollmentsWithSchedule } from "@/db/queries/students";
import { type AttendanceCounts, attendanceRateFromCounts } from "@/lib/domain/attendance";
import type { Weekday } from "@/lib/domain/calendar/dates";

export interface EnrollmentView {
  enrollmentId: string;
  interventionId: string;
  name: string;
  tier: number;
  focusArea: string;
  status: string;
  goal: string | null;
  schedule: { days: Weekday[]; startTime: string; minutes: number };
  startDate: string;
  endDate: string;
  durationWeeks: number;
  enrollmentDate: string;
  exitDate: string | null;
  exitReason: string | null;
  optedOutAt: string | null;
  current: boolean;
  facilitators: string[];
  attendance: { rate: number | null; counts: AttendanceCounts };
}

/** The student's interventions, current and past, each with its attendance so far. */
export async function enrollmentViews(
  tx: Tx,
  tenantId: string,
  studentId: string,
): Promise<EnrollmentView[]> {
  const [enrollments, attendance] = await Promise.all([
    enrollmentsWithSchedule(tx, tenantId, [studentId]),
    attendanceCountsOf(tx, tenantId, [studentId]),
  ]);
  return enrollments.map((e) => {
    const counts = attendance.get(`${studentId}/${e.interventionId}`) ?? {
      present: 0,
      absent: 0,
      tardy: 0,
      excused: 0,
    };
    return {
      enrollmentId: e.enrollmentId,
      interventionId: e.interventionId,
      name: e.name,
      tier: e.tier,
      focusArea: e.focusArea,
      status: e.status,
      goal: e.goal,
      schedule: {
        days: e.scheduleDays as Weekday[],
        startTime: e.startTime,
        minutes: e.sessionMinutes,
      },
      startDate: e.startDate,
      endDate: e.endDate,
      durationWeeks: e.durationWeeks,
      enrollmentDate: e.enrollmentDate,
      exitDate: e.exitDate,
      exitReason: e.exitReason,
      optedOutAt: e.optedOutAt?.toISOString() ?? null,
      current: e.isActive && (e.status === "planned" || e.status === "active"),
      facilitators: e.facilitators,
      attendance: { rate: attendanceRateFromCounts(counts), counts },
    };
  });
}
