import { districtOf } from "@/db/queries/districts";
import { getVisibleIntervention } from "@/db/queries/interventions/visible";
import { withTenant } from "@/db/with-tenant";
import { todayIn } from "@/lib/domain/calendar/dates";
import { ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import type { ScheduleCheckInput } from "@/lib/domain/interventions/schemas";
import { canCreateIntervention } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";
import { checkPlan, type PlanCheck } from "./plan-conflicts";

/**
 * `POST /schedule/check` and the form's live check (Scenario 5): the conflicts the plan would
 * meet if it were saved now, with alternatives. Reads only. For a group being edited, its held
 * past is not checked again and its own bookings are no conflict.
 */
export async function checkSchedule(
  ctx: UseCaseContext,
  input: ScheduleCheckInput,
): Promise<PlanCheck> {
  if (!canCreateIntervention(ctx.actor)) {
    throw new ForbiddenError("Only intervention specialists and district admins plan schedules.");
  }
  const { tenantId } = ctx.actor;
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    let from: string | undefined;
    if (input.interventionId) {
      const group = await getVisibleIntervention(tx, ctx.actor, input.interventionId, ctx.now());
      if (!group) {
        throw new NotFoundError("Intervention", "The group was not found in your district.", [
          { path: "interventionId", message: "No such group in your district." },
        ]);
      }
      from = todayIn((await districtOf(tx, tenantId)).timeZone, ctx.now());
    }
    return checkPlan(tx, tenantId, input, { from, withAlternatives: true });
  });
}
