import { appendAudit } from "@/db/queries/audit";
import { districtOf } from "@/db/queries/districts";
import { activelyEnrolledStudentIds } from "@/db/queries/interventions/details";
import { lockIntervention } from "@/db/queries/interventions/writes";
import { enqueueEvents } from "@/db/queries/outbox";
import { participantsOf } from "@/db/queries/scheduling/plan-facts";
import { withTenant } from "@/db/with-tenant";
import { todayIn } from "@/lib/domain/calendar/dates";
import { ConflictError, ForbiddenError } from "@/lib/domain/errors";
import type { EnrollStudentsInput } from "@/lib/domain/interventions/schemas";
import { canManageIntervention } from "@/lib/domain/policy";
import { acceptConflicts } from "@/lib/domain/scheduling/override";
import type { UseCaseContext } from "../context";
import { overrideAudit } from "../scheduling/override-audit";
import { checkPlan } from "../scheduling/plan-conflicts";
import { enrollInTransaction } from "./enroll-in-transaction";
import { getIntervention } from "./get-intervention";

/** Adds students to an existing group (POST /interventions/{id}/enroll). */
export async function enrollStudents(
  ctx: UseCaseContext,
  interventionId: string,
  input: EnrollStudentsInput,
) {
  // Existence first, so an outsider gets 404 rather than learning the id is real from a 403.
  const { intervention } = await getIntervention(ctx, interventionId);
  if (!canManageIntervention(ctx.actor)) {
    throw new ForbiddenError("Only intervention specialists and district admins enroll students.");
  }
  if (intervention.status === "completed" || intervention.status === "cancelled") {
    throw new ConflictError(
      `This intervention is ${intervention.status}; students can no longer be enrolled.`,
    );
  }
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const { tenantId } = ctx.actor;
    // Two enrolls of the same group at once (a double click) queue here, so the second sees the
    // first's students and answers with a conflict instead of tripping the unique index.
    await lockIntervention(tx, ctx.actor.tenantId, interventionId);
    const already = await activelyEnrolledStudentIds(tx, ctx.actor.tenantId, interventionId);
    const duplicates = input.studentIds.filter((id) => already.has(id));
    if (duplicates.length > 0) {
      throw new ConflictError(
        `${duplicates.length === 1 ? "A student is" : `${duplicates.length} students are`} already enrolled in this intervention.`,
      );
    }
    const district = await districtOf(tx, tenantId);
    const today = todayIn(district.timeZone, ctx.now());
    // Scenario 5: the students joining are checked against the group's sessions still to come
    // (their classes, protected time, other groups), and the group's new size against its room
    // and its facilitators' caseload caps.
    const overridden = acceptConflicts(
      await checkPlan(
        tx,
        tenantId,
        {
          ...(await participantsOf(tx, tenantId, interventionId)),
          studentIds: input.studentIds,
          groupSize: already.size + input.studentIds.length,
          startDate: intervention.startDate,
          durationWeeks: intervention.durationWeeks,
          schedule: intervention.schedule,
        },
        { from: today },
      ),
      input.override,
    );
    const enrolled = await enrollInTransaction(tx, ctx, intervention, input.studentIds, today);
    await enqueueEvents(tx, tenantId, ctx.now(), enrolled.events);
    await appendAudit(tx, ctx.actor, ctx.requestId, [
      ...enrolled.audit,
      ...overrideAudit(interventionId, overridden),
    ]);
    return {
      interventionId,
      enrolledStudentIds: enrolled.studentIds,
      enrolledCount: already.size + enrolled.studentIds.length,
    };
  });
}
