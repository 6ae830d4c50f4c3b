import { districtOf } from "@/db/queries/districts";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError } from "@/lib/domain/errors";
import { canEditStaffCosts } from "@/lib/domain/policy/resources";
import { type HourlyStaffCosts, hourlyStaffCostsFrom } from "@/lib/domain/scheduling/staff-cost";
import type { UseCaseContext } from "../context";

/**
 * The district's loaded hourly cost per staff cost role (district setting `hourlyStaffCost`),
 * which the budget prices facilitators' time at. Admins read and set it.
 */
export async function getStaffCosts(ctx: UseCaseContext): Promise<HourlyStaffCosts> {
  if (!canEditStaffCosts(ctx.actor))
    throw new ForbiddenError("Only district admins see the staff cost rates.");
  return withTenant(ctx.db, ctx.actor, async (tx) =>
    hourlyStaffCostsFrom((await districtOf(tx, ctx.actor.tenantId)).settings),
  );
}
