import { now } from "@/lib/clock";
import { JOB_KINDS } from "@/lib/domain/jobs/catalog";
import { completeEndedGroupsDaily, evaluateExitsDaily } from "@/lib/use-cases/exits/daily-jobs";
import type { JobDefinition } from "./definition";

/**
 * Groups past their last day are completed first (05:00 Chicago), then every active enrollment
 * is measured against its group's exit criteria (05:15), before the school day. The cron
 * schedule fires once per occurrence across runners, and each pass claims its day, so a second
 * runner or a retried delivery never runs it twice in one day.
 */
export const completeEndedGroupsJob: JobDefinition = {
  kind: JOB_KINDS.completeEndedGroups,
  queue: { policy: "stately", retryLimit: 3, retryDelay: 300, retryBackoff: true },
  cron: { expression: "0 5 * * *", tz: "America/Chicago" },
  async handle({ db, log }) {
    const done = await completeEndedGroupsDaily(db, now());
    if (done && done.groups > 0) {
      log(
        `Groups: ${done.groups} completed, ${done.ended} enrollment(s) ended, ${done.letters} letter(s).`,
      );
    }
  },
};

export const evaluateExitsJob: JobDefinition = {
  kind: JOB_KINDS.evaluateExits,
  queue: { policy: "stately", retryLimit: 3, retryDelay: 300, retryBackoff: true },
  cron: { expression: "15 5 * * *", tz: "America/Chicago" },
  async handle({ db, log }) {
    const done = await evaluateExitsDaily(db, now());
    if (done) {
      log(
        `Exits: ${done.evaluated} enrollment(s) evaluated, ${done.flagged} flagged, ${done.withdrawn} withdrawn.`,
      );
    }
  },
};
