import type { Tx } from "@/db/client";
import { studentConnection } from "@/db/queries/progress";
import { attendanceCountsOf, enrollmentsWithSchedule } from "@/db/queries/students";
import { type AttendanceCounts, attendanceRateFromCounts } from "@/lib/domain/attendance";
import type { Weekday } from "@/lib/domain/calendar/dates";
import { NotFoundError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { type NoteAudience, readerAudience } from "@/lib/domain/progress/note-visibility";

/**
 * Who may see a student (docs/domain.md): the district's managers all of them, teachers the students
 * on their rosters, facilitators the students in their groups, parents their own children. To
 * anyone else — and to another district — the student does not exist. The same rule as the
 * progress pages (readerAudience), so the student page and its progress page never disagree.
 */
export async function visibleStudent(
  tx: Tx,
  actor: Actor,
  studentId: string,
): Promise<NoteAudience> {
  const connection = await studentConnection(tx, actor, studentId);
  const audience = connection
    ? readerAudience(actor, {
        facilitatesIntervention: connection.facilitatedInterventionIds.length > 0,
        teachesStudent: connection.teachesStudent,
        guardianOfStudent: connection.guardianOfStudent,
      })
    : null;
  if (!audience) throw new NotFoundError("Student");
  return audience;
}

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
