import { sessionsWithTallies } from "@/db/queries/sessions/lists";
import { withTenant } from "@/db/with-tenant";
import type { Weekday } from "@/lib/domain/calendar/dates";
import { mayRunSessions } from "@/lib/domain/policy";
import { plannedSessionCount } from "@/lib/domain/schedule/generate-sessions";
import { loadInterventionAccess } from "../access";
import type { UseCaseContext } from "../context";
import { type SessionDto, toSessionDto } from "./session-dto";

/**
 * An intervention's sessions (`GET /interventions/{id}/sessions`). Session notes name children,
 * so only the group's team reads them; a family sees the schedule only, since even the group's
 * attendance tallies (and a cancellation's reason) may be about other children.
 */
export async function listSessions(
  ctx: UseCaseContext,
  interventionId: string,
  range: { from?: string; to?: string } = {},
): Promise<{ items: SessionDto[] }> {
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const { intervention, access } = await loadInterventionAccess(tx, ctx, interventionId);
    const rows = await sessionsWithTallies(tx, ctx.actor.tenantId, interventionId, range);
    const planned = plannedSessionCount(
      intervention.durationWeeks,
      intervention.scheduleDays as Weekday[],
    );
    return {
      items: rows.map((row) => {
        const dto = toSessionDto(row, planned);
        if (mayRunSessions(access)) return dto;
        if (access !== "family") return { ...dto, notes: null };
        return { ...dto, notes: null, cancellationReason: null, attendance: null };
      }),
    };
  });
}
