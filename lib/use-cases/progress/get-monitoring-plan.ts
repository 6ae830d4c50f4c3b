import { monitoringPlanOf } from "@/db/queries/progress/measures";
import { withTenant } from "@/db/with-tenant";
import { NotFoundError } from "@/lib/domain/errors";
import { loadInterventionAccess } from "../access";
import type { UseCaseContext } from "../context";

/** The intervention's measure and goal, for anyone who may see the intervention. */
export async function getMonitoringPlan(ctx: UseCaseContext, interventionId: string) {
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    await loadInterventionAccess(tx, ctx, interventionId);
    const plan = await monitoringPlanOf(tx, ctx.actor.tenantId, interventionId);
    if (!plan) throw new NotFoundError("Intervention");
    return plan;
  });
}
