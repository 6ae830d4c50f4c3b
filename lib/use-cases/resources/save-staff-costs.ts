import { appendAudit } from "@/db/queries/audit";
import { districtOf, setDistrictSetting } from "@/db/queries/districts";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError } from "@/lib/domain/errors";
import { canEditStaffCosts } from "@/lib/domain/policy/resources";
import {
  HOURLY_STAFF_COST_SETTING,
  type HourlyStaffCosts,
  hourlyStaffCostsFrom,
} from "@/lib/domain/scheduling/staff-cost";
import type { UseCaseContext } from "../context";

/** Saves every cost role's rate at once; audit `district.settings.updated` with before and after. */
export async function saveStaffCosts(
  ctx: UseCaseContext,
  input: HourlyStaffCosts,
): Promise<HourlyStaffCosts> {
  if (!canEditStaffCosts(ctx.actor))
    throw new ForbiddenError("Only district admins change the staff cost rates.");
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const before = hourlyStaffCostsFrom((await districtOf(tx, ctx.actor.tenantId)).settings);
    const saved = hourlyStaffCostsFrom(
      await setDistrictSetting(tx, ctx.actor.tenantId, HOURLY_STAFF_COST_SETTING, input),
    );
    await appendAudit(tx, ctx.actor, ctx.requestId, [
      {
        action: "district.settings.updated",
        entityType: "district",
        entityId: ctx.actor.tenantId,
        before: { [HOURLY_STAFF_COST_SETTING]: before },
        after: { [HOURLY_STAFF_COST_SETTING]: saved },
      },
    ]);
    return saved;
  });
}
