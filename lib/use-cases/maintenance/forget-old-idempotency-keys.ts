import type { Database } from "@/db/client";
import { allDistrictIds } from "@/db/queries/districts";
import { deleteStoredResponsesBefore } from "@/db/queries/idempotency";
import { withTenant } from "@/db/with-tenant";

/**
 * A stored response answers a retried request for ten minutes at most (the windows are set
 * beside each use-case, e.g. CREATE_IDEMPOTENCY_MINUTES); kept a week, it has long stopped mattering. Without
 * this, the table only grows.
 */
export const IDEMPOTENCY_KEYS_KEPT_DAYS = 7;

/** Deletes every district's stored responses older than the keeping time; returns how many. */
export async function forgetOldIdempotencyKeys(db: Database, now: Date): Promise<number> {
  const before = new Date(now.getTime() - IDEMPOTENCY_KEYS_KEPT_DAYS * 86_400_000);
  let deleted = 0;
  for (const tenantId of await allDistrictIds(db)) {
    deleted += await withTenant(db, { tenantId }, (tx) =>
      deleteStoredResponsesBefore(tx, tenantId, before),
    );
  }
  return deleted;
}
