import { appendAudit } from "@/db/queries/audit";
import { setCaseloadCap as write } from "@/db/queries/scheduling/staff-time";
import { withTenant } from "@/db/with-tenant";
import type { CaseloadCapInput } from "@/lib/domain/scheduling/time-facts-schemas";
import type { UseCaseContext } from "../context";
import { assertEditsTimeFacts, requireStaff } from "./time-facts-access";

/** The most students a facilitator may have in active groups at once; null: no cap. */
export async function setCaseloadCap(ctx: UseCaseContext, input: CaseloadCapInput) {
  assertEditsTimeFacts(ctx.actor);
  const { tenantId } = ctx.actor;
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const before = await requireStaff(tx, tenantId, input.staffId);
    await write(tx, tenantId, input.staffId, input.caseloadCap);
    await appendAudit(tx, ctx.actor, ctx.requestId, [
      {
        action: "staff.caseload_cap_set",
        entityType: "staff",
        entityId: input.staffId,
        before: { caseloadCap: before.caseloadCap },
        after: { caseloadCap: input.caseloadCap },
      },
    ]);
    return { staffId: input.staffId, caseloadCap: input.caseloadCap };
  });
}
