import { ForbiddenError } from "@/lib/domain/errors";
import { canEditStaffCosts } from "@/lib/domain/policy/resources";
import {
  HOURLY_STAFF_COST_SETTING,
  type HourlyStaffCosts,
  hourlyStaffCostsFrom,
} from "@/lib/domain/scheduling/staff-cost";
import { saveDistrictSetting } from "../common/save-district-setting";
import type { UseCaseContext } from "../context";

/** Saves every cost role's rate at once; audited with before and after. */
export async function saveStaffCosts(
  ctx: UseCaseContext,
  input: HourlyStaffCosts,
): Promise<HourlyStaffCosts> {
  if (!canEditStaffCosts(ctx.actor))
    throw new ForbiddenError("Only district admins change the staff cost rates.");
  return saveDistrictSetting(ctx, HOURLY_STAFF_COST_SETTING, input, hourlyStaffCostsFrom);
}
