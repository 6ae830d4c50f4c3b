import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Database, Tx } from "../../client";
import { calendarFeeds } from "../../schema";
import { returnedRow } from "../returned-row";

/** Staff members' subscribable calendar feeds: only each secret's SHA-256 is stored. */

export interface PresentedFeed {
  tenantId: string;
  feedId: string;
  userId: string;
  revoked: boolean;
}

/**
 * A feed's URL is looked up before its district is known, like an API token: through a
 * SECURITY DEFINER function (drizzle/0010) that returns only the row with this hash.
 */
export async function findCalendarFeed(
  db: Database,
  tokenHash: string,
): Promise<PresentedFeed | null> {
  const rows = await db.execute<{
    tenant_id: string;
    feed_id: string;
    user_id: string;
    revoked: boolean;
  }>(sql`select * from intervention.find_calendar_feed(${tokenHash})`);
  const row = rows[0];
  return row
    ? { tenantId: row.tenant_id, feedId: row.feed_id, userId: row.user_id, revoked: row.revoked }
    : null;
}

export async function insertCalendarFeed(
  tx: Tx,
  feed: { tenantId: string; userId: string; tokenHash: string },
) {
  return returnedRow(
    await tx
      .insert(calendarFeeds)
      .values(feed)
      .returning({ id: calendarFeeds.id, createdAt: calendarFeeds.createdAt }),
  );
}

/** The person's live feed, if any (newest first). */
export async function liveCalendarFeed(tx: Tx, tenantId: string, userId: string) {
  const [row] = await tx
    .select({ id: calendarFeeds.id, createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(
      and(
        eq(calendarFeeds.tenantId, tenantId),
        eq(calendarFeeds.userId, userId),
        isNull(calendarFeeds.revokedAt),
      ),
    )
    .orderBy(desc(calendarFeeds.createdAt))
    .limit(1);
  return row ?? null;
}

/** Ends every live feed of the person; the ids ended. */
export async function revokeCalendarFeeds(tx: Tx, tenantId: string, userId: string, now: Date) {
  const rows = await tx
    .update(calendarFeeds)
    .set({ revokedAt: now })
    .where(
      and(
        eq(calendarFeeds.tenantId, tenantId),
        eq(calendarFeeds.userId, userId),
        isNull(calendarFeeds.revokedAt),
      ),
    )
    .returning({ id: calendarFeeds.id });
  return rows.map((r) => r.id);
}
