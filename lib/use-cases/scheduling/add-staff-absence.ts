import { appendAudit } from "@/db/queries/audit";
import { insertAbsence } from "@/db/queries/scheduling/staff-time";
import { withTenant } from "@/db/with-tenant";
import type { StaffAbsenceInput } from "@/lib/domain/scheduling/time-facts-schemas";
import type { UseCaseContext } from "../context";
import { assertEditsTimeFacts, requireStaff } from "./time-facts-access";

/** Leave, training or another absence: whole days, or a stretch of each day when timed. */
export async function addStaffAbsence(ctx: UseCaseContext, input: StaffAbsenceInput) {
  assertEditsTimeFacts(ctx.actor);
  const { tenantId } = ctx.actor;
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    await requireStaff(tx, tenantId, input.staffId);
    const created = await insertAbsence(tx, tenantId, {
      staffId: input.staffId,
      kind: input.kind,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      startTime: input.startTime || null,
      endTime: input.endTime || null,
      note: input.note || null,
    });
    await appendAudit(tx, ctx.actor, ctx.requestId, [
      {
        action: "staff_absence.created",
        entityType: "staff_absence",
        entityId: created.id,
        after: created,
      },
    ]);
    return created;
  });
}
