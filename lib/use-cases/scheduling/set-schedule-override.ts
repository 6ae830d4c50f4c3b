import {
  SCHEDULE_OVERRIDE_SETTING,
  scheduleOverrideAllowed,
} from "@/lib/domain/scheduling/override";
import { saveDistrictSetting } from "../common/save-district-setting";
import type { UseCaseContext } from "../context";
import { assertEditsTimeFacts } from "./time-facts-access";

/**
 * Whether specialists may save a schedule over its conflicts with a reason (never over a double
 * booking). District admins decide; audited.
 */
export async function setScheduleOverride(
  ctx: UseCaseContext,
  input: { allowed: boolean },
): Promise<{ allowed: boolean }> {
  assertEditsTimeFacts(ctx.actor);
  const allowed = await saveDistrictSetting(
    ctx,
    SCHEDULE_OVERRIDE_SETTING,
    input.allowed,
    scheduleOverrideAllowed,
  );
  return { allowed };
}
