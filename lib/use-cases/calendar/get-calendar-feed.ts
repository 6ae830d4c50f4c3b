import { liveCalendarFeed } from "@/db/queries/calendar/feeds";
import { withTenant } from "@/db/with-tenant";
import type { UseCaseContext } from "../context";
import { requireCalendarFeedOwner } from "./create-calendar-feed";

/** Whether the actor has a live calendar feed, and since when (its address is never shown again). */
export async function getCalendarFeed(ctx: UseCaseContext) {
  requireCalendarFeedOwner(ctx.actor);
  return withTenant(ctx.db, ctx.actor, (tx) =>
    liveCalendarFeed(tx, ctx.actor.tenantId, ctx.actor.userId),
  );
}
