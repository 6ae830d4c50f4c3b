import { appendAudit } from "@/db/queries/audit";
import { revokeCalendarFeeds } from "@/db/queries/calendar/feeds";
import { withTenant } from "@/db/with-tenant";
import { NotFoundError } from "@/lib/domain/errors";
import type { UseCaseContext } from "../context";
import { requireCalendarFeedOwner } from "./create-calendar-feed";

/** Ends the actor's calendar feed: from the next refresh its address answers 404. */
export async function revokeCalendarFeed(ctx: UseCaseContext) {
  requireCalendarFeedOwner(ctx.actor);
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const revoked = await revokeCalendarFeeds(tx, ctx.actor.tenantId, ctx.actor.userId, ctx.now());
    if (revoked.length === 0)
      throw new NotFoundError("Calendar feed", "You have no calendar feed to stop.");
    await appendAudit(
      tx,
      ctx.actor,
      ctx.requestId,
      revoked.map((id) => ({
        action: "calendar_feed.revoked",
        entityType: "calendar_feed",
        entityId: id,
        before: { revoked: false },
        after: { revoked: true },
      })),
    );
    return { revoked: revoked.length };
  });
}
