import { sql } from "drizzle-orm";
import type { Tx } from "../../client";

/** What a write is about to book: the holders whose bookings it must not overlap. */
export interface BookingHolders {
  roomId?: string | null;
  facilitatorIds: readonly string[];
  resources?: readonly { resourceId: string }[];
}

/**
 * Makes this transaction wait until every other transaction that is booking the same room,
 * person or resource pool has ended (docs/decisions/0015-bookings-in-the-database.md).
 *
 * Without it, saves for one room that start together all pass the conflict check (none sees
 * the others' uncommitted bookings) and meet only in the exclusion constraints, where two that
 * insert at the same instant wait for each other until PostgreSQL's deadlock detector fails
 * one, a second later; a crowd of them retries in rounds. Queued, the second save checks after
 * the first has committed, sees its booking and answers 409 with the list at once.
 *
 * One transaction-scoped advisory lock per holder, taken in the order of the lock numbers so
 * two writes naming the same holders in another order cannot deadlock on them. Saves for
 * different holders never wait for each other. The constraints stay the guarantee.
 */
export async function queueBehindSameHolders(
  tx: Tx,
  tenantId: string,
  holders: BookingHolders,
): Promise<void> {
  const keys = [
    ...(holders.roomId ? [`room:${holders.roomId}`] : []),
    ...holders.facilitatorIds.map((id) => `person:${id}`),
    ...(holders.resources ?? []).map((need) => `resource:${need.resourceId}`),
    // A UUID may come in capitals: the same holder must give the same lock.
  ].map((holder) => `booking:${tenantId}:${holder}`.toLowerCase());
  if (keys.length === 0) return;
  await tx.execute(sql`
    select count(pg_advisory_xact_lock(lock)) from (
      select distinct hashtextextended(key, 0) as lock
        from unnest(array[${sql.join(
          keys.map((key) => sql`${key}`),
          sql`, `,
        )}]::text[]) as key
       order by lock
    ) as holders`);
}
