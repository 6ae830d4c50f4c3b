import { appendAudit } from "@/db/queries/audit";
import { setDistrictSetting } from "@/db/queries/districts";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError } from "@/lib/domain/errors";
import type { LetterSettingsInput } from "@/lib/domain/letters/schemas";
import { canEditLetters } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";

/**
 * Whether and how families may opt out of an intervention (district setting `optOut`), and
 * whether letters are e-mailed whole or as a notice pointing to the portal (`letterDelivery`).
 */
export async function saveLetterSettings(ctx: UseCaseContext, input: LetterSettingsInput) {
  if (!canEditLetters(ctx.actor))
    throw new ForbiddenError("Only district admins change letter settings.");
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    await setDistrictSetting(tx, ctx.actor.tenantId, "optOut", input.optOut);
    await setDistrictSetting(tx, ctx.actor.tenantId, "letterDelivery", input.delivery);
    await appendAudit(tx, ctx.actor, ctx.requestId, [
      {
        action: "district.settings.updated",
        entityType: "district",
        entityId: ctx.actor.tenantId,
        after: { optOut: input.optOut, letterDelivery: input.delivery },
      },
    ]);
    return input;
  });
}
