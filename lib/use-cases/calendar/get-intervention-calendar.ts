import { withTenant } from "@/db/with-tenant";
import { seriesCalendar } from "@/lib/domain/calendar/ics";
import { loadInterventionAccess } from "../access";
import type { UseCaseContext } from "../context";
import { loadCalendarSeries } from "./calendar-series";

/**
 * A group's sessions as one iCalendar series to download or import
 * (`GET /api/v1/interventions/{id}/calendar.ics`): whoever may read the group may read its
 * calendar; otherwise "not found", as for the group itself. No method and no attendees: it is a
 * copy, not an invitation.
 */
export async function getInterventionCalendar(ctx: UseCaseContext, interventionId: string) {
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    await loadInterventionAccess(tx, ctx, interventionId);
    const series = await loadCalendarSeries(tx, ctx.actor.tenantId, [interventionId]);
    return {
      filename: `intervention-${interventionId}.ics`,
      ics: seriesCalendar(series, { stamp: ctx.now() }),
    };
  });
}
