import { lockIntervention } from "@/db/queries/intervention-changes";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";
import { canManageIntervention, mayUseTemplates } from "@/lib/domain/policy";
import type { SaveAsTemplateInput, TemplateDto } from "@/lib/domain/templates/schemas";
import { loadInterventionAccess } from "../access";
import type { UseCaseContext } from "../context";
import { insertTemplateAudited } from "../templates/templates";

/**
 * "Save as template" (Scenario 10: "specialists can save their own templates"): the group's plan
 * — tier, focus, duration, days a week, minutes, purpose, goal and measure — becomes a template;
 * a specialist's is personal, an admin's the district's (lib/domain/policy/templates.ts).
 */
export async function saveInterventionAsTemplate(
  ctx: UseCaseContext,
  interventionId: string,
  input: SaveAsTemplateInput,
): Promise<TemplateDto> {
  // The id comes from the page (a server action's argument): one that cannot exist is not found.
  if (!isUuid(interventionId)) throw new NotFoundError("Intervention");
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    // Existence first, so an outsider gets 404 rather than learning the id is real from a 403.
    await loadInterventionAccess(tx, ctx, interventionId);
    if (!canManageIntervention(ctx.actor) || !mayUseTemplates(ctx.actor)) {
      throw new ForbiddenError(
        "Only intervention specialists and district admins save groups as templates.",
      );
    }
    // Read under the row lock edits take (update-intervention.ts), so the copy is one version.
    const group = await lockIntervention(tx, ctx.actor.tenantId, interventionId);
    if (!group) throw new NotFoundError("Intervention");
    return insertTemplateAudited(
      tx,
      ctx,
      {
        name: input.name ?? group.name,
        tier: group.tier,
        focusArea: group.focusArea,
        description: group.description,
        durationWeeks: group.durationWeeks,
        daysPerWeek: Math.min(Math.max(group.scheduleDays.length, 1), 5),
        sessionMinutes: group.sessionMinutes,
        groupSize: null,
        activities: null,
        resources: [],
        measure: group.measureName
          ? {
              name: group.measureName,
              unit: group.measureUnit,
              direction: group.measureDirection,
            }
          : null,
        goalValue: group.goalValue,
        goal: group.goal,
        entranceCriteria: null,
        exitCriteria: null,
      },
      { interventionId },
    );
  });
}
