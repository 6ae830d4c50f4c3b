import { now } from "@/lib/clock";
import { JOB_KINDS } from "@/lib/domain/jobs/catalog";
import { refreshEffectivenessSummaries } from "@/lib/use-cases/progress/refresh-effectiveness-summaries";
import type { JobDefinition } from "./definition";

/**
 * Every minute, the stale effectiveness summaries are computed ahead of their readers
 * (docs/decisions/0021-effectiveness-summaries.md): the first pass of a day computes each group
 * once, later passes the groups written to or whose session began. One pass at a time across
 * runners; a reader arriving first computes what it reads (lib/use-cases/progress/
 * refresh-effectiveness-summaries.ts says which locks they share).
 */
export const refreshEffectivenessSummariesJob: JobDefinition = {
  kind: JOB_KINDS.refreshEffectivenessSummaries,
  queue: { policy: "stately", retryLimit: 3, retryDelay: 60, deleteAfterSeconds: 3_600 },
  everyMs: () => 60_000,
  async handle({ db, log }) {
    const stale = await refreshEffectivenessSummaries(db, now());
    if (stale > 0) log(`Effectiveness: ${stale} stale group summary(ies) brought up to date.`);
  },
};
