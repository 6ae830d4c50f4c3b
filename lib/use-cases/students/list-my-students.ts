import {
  attendanceCountsOf,
  enrollmentsWithSchedule,
  rosterStudentsInInterventions,
} from "@/db/queries/students";
import { withTenant } from "@/db/with-tenant";
import { attendanceRateFromCounts } from "@/lib/domain/attendance";
import type { Weekday } from "@/lib/domain/calendar/dates";
import { ForbiddenError } from "@/lib/domain/errors";
import { isStaff } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";

/**
 * A teacher's "my students in interventions": the students on their own class rosters who are
 * in a group now, with each group's schedule and the student's attendance in it. Nothing of
 * any other student.
 */
export async function listMyStudents(ctx: UseCaseContext) {
  const { actor } = ctx;
  if (!isStaff(actor)) throw new ForbiddenError();
  if (!actor.staffId) return [];
  const staffId = actor.staffId;
  return withTenant(ctx.db, actor, async (tx) => {
    const roster = await rosterStudentsInInterventions(tx, actor.tenantId, staffId);
    const ids = roster.map((s) => s.id);
    const [enrollments, attendance] = await Promise.all([
      enrollmentsWithSchedule(tx, actor.tenantId, ids),
      attendanceCountsOf(tx, actor.tenantId, ids),
    ]);
    return roster.map((student) => ({
      ...student,
      interventions: enrollments
        .filter(
          (e) =>
            e.studentId === student.id &&
            e.isActive &&
            (e.status === "planned" || e.status === "active"),
        )
        .map((e) => {
          const counts = attendance.get(`${student.id}/${e.interventionId}`);
          return {
            id: e.interventionId,
            name: e.name,
            tier: e.tier,
            focusArea: e.focusArea,
            schedule: {
              days: e.scheduleDays as Weekday[],
              startTime: e.startTime,
              minutes: e.sessionMinutes,
            },
            facilitators: e.facilitators,
            attendanceRate: counts ? attendanceRateFromCounts(counts) : null,
            optedOut: e.optedOutAt !== null,
          };
        }),
    }));
  });
}
