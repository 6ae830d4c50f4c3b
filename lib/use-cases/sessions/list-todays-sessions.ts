import { districtOf } from "@/db/queries/districts";
import { nextSessionDateFacilitatedBy, sessionsFacilitatedBy } from "@/db/queries/sessions/lists";
import { withTenant } from "@/db/with-tenant";
import { addDays, todayIn } from "@/lib/domain/calendar/dates";
import type { UseCaseContext } from "../context";

/** How far back a session still waiting for attendance is worth a reminder. */
export const OVERDUE_DAYS = 14;

/**
 * The facilitator's day: today's sessions of the groups they facilitate (on the district's
 * calendar), and earlier ones whose attendance was never taken, so none is forgotten. On a day
 * without sessions (a weekend, a holiday) `nextDay` says when the next one is.
 */
export async function listTodaysSessions(ctx: UseCaseContext) {
  const { tenantId, staffId } = ctx.actor;
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const district = await districtOf(tx, tenantId);
    const today = todayIn(district.timeZone, ctx.now());
    const day = { today, timeZone: district.timeZone };
    if (!staffId) return { ...day, sessions: [], overdue: [], nextDay: null };
    const [sessions, overdue] = await Promise.all([
      sessionsFacilitatedBy(tx, tenantId, staffId, { from: today, to: today }),
      sessionsFacilitatedBy(tx, tenantId, staffId, {
        from: addDays(today, -OVERDUE_DAYS),
        to: addDays(today, -1),
        status: "scheduled",
      }),
    ]);
    const nextDay =
      sessions.length > 0 ? null : await nextSessionDateFacilitatedBy(tx, tenantId, staffId, today);
    return { ...day, sessions, overdue, nextDay };
  });
}
