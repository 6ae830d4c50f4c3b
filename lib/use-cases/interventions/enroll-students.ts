import { appendAudit } from "@/db/queries/audit";
import { districtOf } from "@/db/queries/districts";
import { activelyEnrolledStudentIds } from "@/db/queries/interventions/details";
import { lockIntervention } from "@/db/queries/interventions/writes";
import { withTenant } from "@/db/with-tenant";
import { todayIn } from "@/lib/domain/calendar/dates";
import { ConflictError, ForbiddenError } from "@/lib/domain/errors";
import type { EnrollStudentsInput } from "@/lib/domain/interventions/schemas";
import { canManageIntervention } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";
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
    const district = await districtOf(tx, ctx.actor.tenantId);
    const enrolled = await enrollInTransaction(
      tx,
      ctx,
      intervention,
      input.studentIds,
      todayIn(district.timeZone, ctx.now()),
    );
    await appendAudit(tx, ctx.actor, ctx.requestId, enrolled.audit);
    return {
      interventionId,
      enrolledStudentIds: enrolled.studentIds,
      enrolledCount: already.size + enrolled.studentIds.length,
    };
  });
}
