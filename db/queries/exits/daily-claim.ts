import { sql } from "drizzle-orm";
import type { Database } from "../../client";
import { appMeta } from "../../schema";

/**
 * A daily job's claim on a day, kept in `app_meta` (`job-day:<job>` → `{ day }`): the first
 * caller for a day gets true, every later one (a second runner, a retried schedule, a manual
 * send) false. Owner role only (the job runner).
 */
export async function claimJobDay(db: Database, job: string, day: string): Promise<boolean> {
  const rows = await db
    .insert(appMeta)
    .values({ key: `job-day:${job}`, value: { day } })
    .onConflictDoUpdate({
      target: appMeta.key,
      set: { value: { day } },
      setWhere: sql`(${appMeta.value} ->> 'day') < ${day}`,
    })
    .returning({ key: appMeta.key });
  return rows.length > 0;
}

/** Gives a day back after the job failed, so a retry may run it. */
export async function releaseJobDay(db: Database, job: string, day: string): Promise<void> {
  await db.execute(
    sql`delete from ${appMeta} where ${appMeta.key} = ${`job-day:${job}`}
      and (${appMeta.value} ->> 'day') = ${day}`,
  );
}
