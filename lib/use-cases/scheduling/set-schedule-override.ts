import { appendAudit } from "@/db/queries/audit";
import { districtOf, setDistrictSetting } from "@/db/queries/districts";
import { withTenant } from "@/db/with-tenant";
import {
  SCHEDULE_OVERRIDE_SETTING,
  scheduleOverrideAllowed,
} from "@/lib/domain/scheduling/override";
import type { UseCaseContext } from "../context";
import { assertEditsTimeFacts } from "./time-facts-access";

/**
 * Whether specialists may save a schedule over its conflicts with a reason (never over a double
 * booking). District admins decide; audit `district.settings.updated`.
 */
export async function setScheduleOverride(
  ctx: UseCaseContext,
  input: { allowed: boolean },
): Promise<{ allowed: boolean }> {
  assertEditsTimeFacts(ctx.actor);
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const before = scheduleOverrideAllowed((await districtOf(tx, ctx.actor.tenantId)).settings);
    const allowed = scheduleOverrideAllowed(
      await setDistrictSetting(tx, ctx.actor.tenantId, SCHEDULE_OVERRIDE_SETTING, input.allowed),
    );
    await appendAudit(tx, ctx.actor, ctx.requestId, [
      {
        action: "district.settings.updated",
        entityType: "district",
        entityId: ctx.actor.tenantId,
        before: { [SCHEDULE_OVERRIDE_SETTING]: before },
        after: { [SCHEDULE_OVERRIDE_SETTING]: allowed },
      },
    ]);
    return { allowed };
  });
}
