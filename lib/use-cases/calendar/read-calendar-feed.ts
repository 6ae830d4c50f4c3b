import type { Database } from "@/db/client";
import { findCalendarFeed } from "@/db/queries/calendar/feeds";
import { calendarGroupIdsOf } from "@/db/queries/calendar/series";
import { actorById } from "@/db/queries/users";
import { withTenant } from "@/db/with-tenant";
import { seriesCalendar } from "@/lib/domain/calendar/ics";
import { NotFoundError } from "@/lib/domain/errors";
import { isStaff } from "@/lib/domain/policy";
import { loadCalendarSeries } from "./calendar-series";
import { hashCalendarFeedSecret, isCalendarFeedSecret } from "./secret";

/** How often a subscribed calendar program should fetch the feed again. */
const FEED_REFRESH_SECONDS = 3600;

export interface FeedDeps {
  db: Database;
  now: () => Date;
}

/**
 * A staff member's subscribable calendar (`/calendar/<token>.ics`): the secret in the address
 * is the only credential and names the district, like a signed link. Every group the person
 * facilitates or created, except cancelled ones, as one series each in one VCALENDAR. An
 * unknown or revoked address, or one whose owner is no longer active staff, is "not found".
 */
export async function readCalendarFeed(deps: FeedDeps, token: string): Promise<string> {
  if (!isCalendarFeedSecret(token)) throw new NotFoundError("Calendar feed");
  const feed = await findCalendarFeed(deps.db, hashCalendarFeedSecret(token));
  if (!feed || feed.revoked) throw new NotFoundError("Calendar feed");
  return withTenant(deps.db, { tenantId: feed.tenantId, userId: feed.userId }, async (tx) => {
    // The owner is read again on every refresh: a switched-off account's feed stops with it.
    const owner = await actorById(tx, feed.tenantId, feed.userId);
    if (!owner || !isStaff(owner)) throw new NotFoundError("Calendar feed");
    const ids = await calendarGroupIdsOf(tx, feed.tenantId, owner);
    const series = await loadCalendarSeries(tx, feed.tenantId, ids);
    return seriesCalendar(series, {
      name: `${owner.districtName} sessions (NorthStar)`,
      refreshSeconds: FEED_REFRESH_SECONDS,
      stamp: deps.now(),
    });
  });
}
