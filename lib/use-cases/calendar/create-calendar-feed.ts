import { appendAudit } from "@/db/queries/audit";
import { insertCalendarFeed, revokeCalendarFeeds } from "@/db/queries/calendar/feeds";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError } from "@/lib/domain/errors";
import { type Actor, isStaff } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";
import { isTokenActor } from "../tokens/authenticate-token";
import { calendarSettingsFromConfig } from "./calendar-series";
import { calendarFeedUrl, hashCalendarFeedSecret, newCalendarFeedSecret } from "./secret";

/** A person's own calendar: staff members signed in as themselves, not API tokens or families. */
export function requireCalendarFeedOwner(actor: Actor): void {
  if (!isStaff(actor) || isTokenActor(actor))
    throw new ForbiddenError("Only staff members have a personal calendar feed.");
}

/**
 * The actor's subscribable calendar of the groups they facilitate or created: a secret address
 * returned once, here (only its SHA-256 is stored). A new one replaces the old, which stops at once.
 */
export async function createCalendarFeed(ctx: UseCaseContext) {
  requireCalendarFeedOwner(ctx.actor);
  const token = newCalendarFeedSecret();
  const { tenantId, userId } = ctx.actor;
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const replaced = await revokeCalendarFeeds(tx, tenantId, userId, ctx.now());
    const created = await insertCalendarFeed(tx, {
      tenantId,
      userId,
      tokenHash: hashCalendarFeedSecret(token),
    });
    await appendAudit(tx, ctx.actor, ctx.requestId, [
      ...replaced.map((id) => ({
        action: "calendar_feed.revoked",
        entityType: "calendar_feed",
        entityId: id,
        after: { revoked: true, replacedBy: created.id },
      })),
      {
        action: "calendar_feed.created",
        entityType: "calendar_feed",
        entityId: created.id,
        after: { userId },
      },
    ]);
    return {
      id: created.id,
      createdAt: created.createdAt,
      url: calendarFeedUrl(calendarSettingsFromConfig().appUrl, token),
    };
  });
}
