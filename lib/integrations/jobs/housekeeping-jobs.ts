import { now } from "@/lib/clock";
import { JOB_KINDS } from "@/lib/domain/jobs/catalog";
import { forgetOldIdempotencyKeys } from "@/lib/use-cases/maintenance/forget-old-idempotency-keys";
import type { JobDefinition } from "./definition";

/** Nightly, at a quiet hour: stored API responses past their use are deleted. */
export const forgetIdempotencyKeysJob: JobDefinition = {
  kind: JOB_KINDS.forgetIdempotencyKeys,
  queue: { policy: "stately", retryLimit: 5, retryDelay: 300, retryBackoff: true },
  cron: { expression: "40 3 * * *", tz: "America/Chicago" },
  async handle({ db, log }) {
    const deleted = await forgetOldIdempotencyKeys(db, now());
    if (deleted > 0) log(`Housekeeping: ${deleted} stored API response(s) forgotten.`);
  },
};
