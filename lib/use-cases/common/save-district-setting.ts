import { appendAudit } from "@/db/queries/audit";
import { districtOf, setDistrictSetting } from "@/db/queries/districts";
import { withTenant } from "@/db/with-tenant";
import type { UseCaseContext } from "../context";

/**
 * Sets one key of the district's settings and audits it (`district.settings.updated`, before and
 * after as `read` understands them). The caller has authorized the actor.
 */
export function saveDistrictSetting<T>(
  ctx: UseCaseContext,
  key: string,
  value: unknown,
  read: (settings: unknown) => T,
): Promise<T> {
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const before = read((await districtOf(tx, ctx.actor.tenantId)).settings);
    const saved = read(await setDistrictSetting(tx, ctx.actor.tenantId, key, value));
    await appendAudit(tx, ctx.actor, ctx.requestId, [
      {
        action: "district.settings.updated",
        entityType: "district",
        entityId: ctx.actor.tenantId,
        before: { [key]: before },
        after: { [key]: saved },
      },
    ]);
    return saved;
  });
}
