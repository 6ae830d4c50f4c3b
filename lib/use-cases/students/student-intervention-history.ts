import { recordRead } from "@/db/queries/audit";
import { studentWithSchool } from "@/db/queries/students";
import { withTenant } from "@/db/with-tenant";
import { NotFoundError } from "@/lib/domain/errors";
import { visibleStudent } from "../access";
import type { UseCaseContext } from "../context";
import { tierHistoryFor } from "../tiers/tier-history";
import { enrollmentViews } from "./student-record";

/** `GET /students/{id}/interventions`: a student's intervention and tier history. */
export async function studentInterventionHistory(ctx: UseCaseContext, studentId: string) {
  const { actor } = ctx;
  return withTenant(ctx.db, actor, async (tx) => {
    const audience = await visibleStudent(tx, actor, studentId);
    const student = await studentWithSchool(tx, actor.tenantId, studentId);
    if (!student) throw new NotFoundError("Student");
    const [interventions, tierHistory] = await Promise.all([
      enrollmentViews(tx, actor.tenantId, studentId),
      tierHistoryFor(tx, actor.tenantId, studentId, audience),
    ]);
    await recordRead(tx, actor, ctx.requestId, {
      entityType: "student",
      entityId: studentId,
      studentId,
      details: { view: "intervention-history" },
    });
    return {
      studentId,
      currentTier: student.currentTier,
      interventions: interventions.map((e) => ({
        enrollmentId: e.enrollmentId,
        interventionId: e.interventionId,
        name: e.name,
        tier: e.tier,
        focusArea: e.focusArea,
        status: e.status,
        current: e.current,
        schedule: e.schedule,
        startDate: e.startDate,
        endDate: e.endDate,
        enrollmentDate: e.enrollmentDate,
        exitDate: e.exitDate,
        exitReason: e.exitReason,
        optedOutAt: e.optedOutAt,
        attendanceRate: e.attendance.rate,
      })),
      tierHistory,
    };
  });
}
