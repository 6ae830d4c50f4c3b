import { appendAudit } from "@/db/queries/audit";
import { absenceById, deleteAbsence } from "@/db/queries/scheduling/staff-time";
import { withTenant } from "@/db/with-tenant";
import { NotFoundError } from "@/lib/domain/errors";
import type { UseCaseContext } from "../context";
import { assertEditsTimeFacts } from "./time-facts-access";

export async function removeStaffAbsence(ctx: UseCaseContext, id: string) {
  assertEditsTimeFacts(ctx.actor);
  const { tenantId } = ctx.actor;
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const before = await absenceById(tx, tenantId, id);
    if (!before) throw new NotFoundError("Absence", "No absence with this id in your district.");
    await deleteAbsence(tx, tenantId, id);
    await appendAudit(tx, ctx.actor, ctx.requestId, [
      { action: "staff_absence.deleted", entityType: "staff_absence", entityId: id, before },
    ]);
    return { deleted: id };
  });
}
