import type { Database } from "@/db/client";
import { claimJobDay, releaseJobDay } from "@/db/queries/exits/daily-claim";
import { todayIn } from "@/lib/domain/calendar/dates";
import { completeEndedGroupsEverywhere } from "./complete-ended-groups";
import { evaluateExitsEverywhere } from "./evaluate-exits";

/** The zone whose calendar day a daily job belongs to (the runner's cron zone). */
export const DAILY_JOB_ZONE = "America/Chicago";

/**
 * Runs a daily pass at most once per calendar day however many runners or deliveries ask:
 * the day is claimed first (atomically, in `app_meta`), given back if the pass fails so a retry
 * may run it. Returns null when the day was already done.
 */
async function oncePerDay<T>(
  db: Database,
  job: string,
  now: Date,
  pass: () => Promise<T>,
): Promise<T | null> {
  const day = todayIn(DAILY_JOB_ZONE, now);
  if (!(await claimJobDay(db, job, day))) return null;
  try {
    return await pass();
  } catch (error) {
    await releaseJobDay(db, job, day);
    throw error;
  }
}

export function evaluateExitsDaily(db: Database, now: Date) {
  return oncePerDay(db, "evaluate-exits", now, () => evaluateExitsEverywhere(db, now));
}

export function completeEndedGroupsDaily(db: Database, now: Date) {
  return oncePerDay(db, "complete-ended-groups", now, () => completeEndedGroupsEverywhere(db, now));
}
