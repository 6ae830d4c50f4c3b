import type { Database } from "@/db/client";
import { districtsWithUnsealedRows, sealQueuedRows } from "@/db/queries/audit-seal";
import { withTenant } from "@/db/with-tenant";

/**
 * The sealer (docs/decisions/0027-audit-seals.md): chains every district's committed, queued
 * audit rows into its seals, a batch per transaction, until the queue is empty. Runs as the
 * worker role from the `seal-audit-trail` job; a second sealer at the same time waits for the
 * district's lock in `seal_audit_rows` and then finds the rows sealed. Returns how many it sealed.
 */
export async function sealAuditTrail(workerDb: Database, batchSize = 500): Promise<number> {
  let total = 0;
  for (const tenantId of await districtsWithUnsealedRows(workerDb)) {
    for (;;) {
      const sealed = await withTenant(workerDb, { tenantId }, (tx) =>
        sealQueuedRows(tx, tenantId, batchSize),
      );
      total += sealed;
      if (sealed < batchSize) break;
    }
  }
  return total;
}
