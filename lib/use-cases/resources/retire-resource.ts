import { appendAudit } from "@/db/queries/audit";
import { findResource, updateResourceRow } from "@/db/queries/resources";
import { withTenant } from "@/db/with-tenant";
import type { UseCaseContext } from "../context";
import { loadResource, requireResourceManager } from "./access";
import { type ResourceDto, toResourceDto } from "./resource-dto";

/**
 * Takes a resource out of the catalogue (admins): it leaves the lists and the utilization
 * report, while the groups that already name it keep it (and their budgets still count it).
 * Retiring twice keeps the first date. Audit `resource.retired`.
 */
export async function retireResource(ctx: UseCaseContext, id: string): Promise<ResourceDto> {
  requireResourceManager(ctx);
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const current = await loadResource(tx, ctx, id);
    if (current.retiredAt) return toResourceDto(current);
    const retiredAt = ctx.now();
    await updateResourceRow(tx, ctx.actor.tenantId, id, { retiredAt });
    await appendAudit(tx, ctx.actor, ctx.requestId, [
      {
        action: "resource.retired",
        entityType: "resource",
        entityId: id,
        after: { retiredAt: retiredAt.toISOString() },
      },
    ]);
    return toResourceDto((await findResource(tx, ctx.actor.tenantId, id))!);
  });
}
