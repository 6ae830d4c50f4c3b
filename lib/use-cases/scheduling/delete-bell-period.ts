import { appendAudit } from "@/db/queries/audit";
import { bellPeriodById, deleteBellPeriod as remove } from "@/db/queries/scheduling/bell-schedule";
import { withTenant } from "@/db/with-tenant";
import { NotFoundError } from "@/lib/domain/errors";
import type { UseCaseContext } from "../context";
import { assertEditsTimeFacts } from "./time-facts-access";

export async function deleteBellPeriod(ctx: UseCaseContext, id: string) {
  assertEditsTimeFacts(ctx.actor);
  const { tenantId } = ctx.actor;
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const before = await bellPeriodById(tx, tenantId, id);
    if (!before)
      throw new NotFoundError("Bell period", "No bell period with this id in your district.");
    await remove(tx, tenantId, id);
    await appendAudit(tx, ctx.actor, ctx.requestId, [
      { action: "bell_period.deleted", entityType: "bell_period", entityId: id, before },
    ]);
    return { deleted: id };
  });
}
