import { jobQueueCounts, recentNotableJobs } from "@/db/queries/jobs";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError } from "@/lib/domain/errors";
import { JOB_KINDS, jobKindOf } from "@/lib/domain/jobs/catalog";
import { isDistrictAdmin } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";

/**
 * The admin's view of the background jobs: every kind the runner knows (even before its first
 * run) with its counts, and the recent jobs that waited, failed or were retried.
 */
export async function jobOverview(ctx: UseCaseContext, limit = 50) {
  if (!isDistrictAdmin(ctx.actor)) throw new ForbiddenError("Only district admins see the jobs.");
  const { counts, recent } = await withTenant(ctx.db, ctx.actor, async (tx) => ({
    counts: await jobQueueCounts(tx),
    recent: await recentNotableJobs(tx, limit),
  }));
  const queues = Object.values(JOB_KINDS).map((kind) => ({
    kind,
    counts: counts.find((c) => c.queue === kind.name) ?? null,
  }));
  return {
    queues,
    recent: recent.map((job) => ({ ...job, kind: jobKindOf(job.queue) ?? null })),
  };
}
