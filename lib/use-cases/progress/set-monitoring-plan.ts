import { appendAudit } from "@/db/queries/audit";
import { monitoringPlanOf, updateMonitoringPlan } from "@/db/queries/progress/measures";
import { withTenant } from "@/db/with-tenant";
import { ConflictError, ForbiddenError } from "@/lib/domain/errors";
import { canManageIntervention } from "@/lib/domain/policy";
import type { MonitoringPlanInput } from "@/lib/domain/sessions/schemas";
import { loadInterventionAccess } from "../access";
import type { UseCaseContext } from "../context";

/**
 * Names the intervention's progress-monitoring measure (name, unit, which direction is better)
 * and its goal: what probe scores are taken in and where the aim line ends.
 */
export async function setMonitoringPlan(
  ctx: UseCaseContext,
  interventionId: string,
  input: MonitoringPlanInput,
) {
  const { tenantId } = ctx.actor;
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    await loadInterventionAccess(tx, ctx, interventionId);
    if (!canManageIntervention(ctx.actor)) {
      throw new ForbiddenError(
        "Only intervention specialists and district admins set the measure and goal.",
      );
    }
    const before = await monitoringPlanOf(tx, tenantId, interventionId);
    const after = await updateMonitoringPlan(
      tx,
      tenantId,
      interventionId,
      input.version,
      {
        measureName: input.measureName,
        measureUnit: input.measureUnit || null,
        measureDirection: input.measureDirection,
        goalValue: input.goalValue ?? null,
      },
      ctx.now(),
    );
    if (!after) {
      throw new ConflictError(
        "The intervention was changed since you opened it. Reload and try again.",
      );
    }
    await appendAudit(tx, ctx.actor, ctx.requestId, [
      {
        action: "intervention.monitoring_plan_set",
        entityType: "intervention",
        entityId: interventionId,
        before,
        after,
      },
    ]);
    return after;
  });
}
