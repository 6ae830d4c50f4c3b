import { appendAudit } from "@/db/queries/audit";
import {
  protectedBlockById,
  deleteProtectedBlock as remove,
} from "@/db/queries/scheduling/school-blocks";
import { withTenant } from "@/db/with-tenant";
import { NotFoundError } from "@/lib/domain/errors";
import type { UseCaseContext } from "../context";
import { assertEditsTimeFacts } from "./time-facts-access";

export async function deleteProtectedBlock(ctx: UseCaseContext, id: string) {
  assertEditsTimeFacts(ctx.actor);
  const { tenantId } = ctx.actor;
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const before = await protectedBlockById(tx, tenantId, id);
    if (!before)
      throw new NotFoundError(
        "Protected block",
        "No protected block with this id in your district.",
      );
    await remove(tx, tenantId, id);
    await appendAudit(tx, ctx.actor, ctx.requestId, [
      { action: "protected_block.deleted", entityType: "protected_block", entityId: id, before },
    ]);
    return { deleted: id };
  });
}
