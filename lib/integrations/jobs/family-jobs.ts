import { now } from "@/lib/clock";
import { JOB_KINDS } from "@/lib/domain/jobs/catalog";
import { sendProgressSummariesEverywhere } from "@/lib/use-cases/families/send-progress-summaries";
import type { JobDefinition } from "./definition";

const MINUTE_MS = 60 * 1000;

/**
 * The families' progress summaries (issue 13, point 1). A pass writes only what is missing
 * (one row per period, child and guardian, unique in the database) and skips periods already
 * done, so it runs every minute and when a runner starts: a period that ends, or that an admin
 * adds after its end, is summarised within the minute, and a runner that was down catches up,
 * without anyone ever getting a summary twice.
 */
export const sendProgressSummariesJob: JobDefinition = {
  kind: JOB_KINDS.sendProgressSummaries,
  queue: { policy: "stately", retryLimit: 3, retryDelay: 300, retryBackoff: true },
  everyMs: () => MINUTE_MS,
  async handle({ db, log }) {
    const done = await sendProgressSummariesEverywhere(db, now());
    if (done.sent + done.held > 0) {
      log(`Progress summaries: ${done.sent} sent, ${done.held} held (${done.periods} period(s)).`);
    }
  },
};
