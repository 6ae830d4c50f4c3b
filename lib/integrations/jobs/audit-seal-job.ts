import { JOB_KINDS } from "@/lib/domain/jobs/catalog";
import { sealAuditTrail } from "@/lib/use-cases/audit/seal-audit-trail";
import type { JobDefinition } from "./definition";

/**
 * Every second, the committed audit rows are chained into their district's seals
 * (docs/decisions/0027-audit-seals.md). The stately queue runs one sealer at a time across
 * runners; the district's lock in the database keeps even a second one from forking a chain.
 */
export const sealAuditTrailJob: JobDefinition = {
  kind: JOB_KINDS.sealAuditTrail,
  // Rounds come every second: an hour of finished ones is history enough.
  queue: { policy: "stately", retryLimit: 3, retryDelay: 5, deleteAfterSeconds: 3_600 },
  everyMs: () => 1_000,
  async handle({ db }) {
    await sealAuditTrail(db);
  },
};
