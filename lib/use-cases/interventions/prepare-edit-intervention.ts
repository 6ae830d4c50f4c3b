import { facilitatorsOf, interventionRoster } from "@/db/queries/interventions/details";
import { resourceNeedsOfGroup } from "@/db/queries/scheduling/plan-facts";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError } from "@/lib/domain/errors";
import { canManageIntervention } from "@/lib/domain/policy";
import { loadInterventionAccess } from "../access";
import type { UseCaseContext } from "../context";
import { toInterventionDto } from "./intervention-dto";

/**
 * What the edit form starts from (issue 10): the group as it is now, with its version, its
 * facilitators to show in the picker, the students actively in it (the conflict check counts
 * them) and the resources each session holds. A group the actor cannot see is "not found";
 * one they see but may not manage is forbidden.
 */
export async function prepareEditIntervention(ctx: UseCaseContext, id: string) {
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    // Existence first, so an outsider gets 404 rather than learning the id is real from a 403.
    const { intervention } = await loadInterventionAccess(tx, ctx, id);
    if (!canManageIntervention(ctx.actor)) {
      throw new ForbiddenError(
        "Only intervention specialists and district admins edit interventions.",
      );
    }
    const { tenantId } = ctx.actor;
    const [facilitators, roster, resources] = await Promise.all([
      facilitatorsOf(tx, tenantId, id),
      interventionRoster(tx, tenantId, id),
      resourceNeedsOfGroup(tx, tenantId, id),
    ]);
    return {
      intervention: toInterventionDto(intervention),
      facilitators: facilitators.map((f) => ({
        id: f.id,
        label: f.displayName,
        detail: f.title ?? undefined,
      })),
      activeStudentIds: roster.filter((r) => r.isActive).map((r) => r.studentId),
      resources,
    };
  });
}
