import { appendAudit } from "@/db/queries/audit";
import { districtOf } from "@/db/queries/districts";
import { findSession, insertSession, nextSessionSequence } from "@/db/queries/sessions/schedule";
import { withTenant } from "@/db/with-tenant";
import { instantAt, type Weekday } from "@/lib/domain/calendar/dates";
import { ConflictError, NotFoundError } from "@/lib/domain/errors";
import { plannedSessionCount } from "@/lib/domain/schedule/generate-sessions";
import type { AddSessionInput } from "@/lib/domain/sessions/schemas";
import { loadInterventionAccess, requireRunAccess } from "../access";
import { queueCalendarInvites } from "../calendar/queue-calendar-invites";
import type { UseCaseContext } from "../context";
import { refuseSessionConflicts } from "../scheduling/plan-conflicts";
import { retryIfDoubleBooked } from "../scheduling/retry-double-booking";
import { requireSchoolDay } from "./require-school-day";
import { type SessionDto, toSessionDto } from "./session-dto";

/**
 * Adds a session to the plan (`POST /interventions/{id}/sessions`), typically a make-up for one
 * that was cancelled. It continues the series' numbering, which is what marks it as added.
 */
export async function addSession(
  ctx: UseCaseContext,
  interventionId: string,
  input: AddSessionInput,
): Promise<SessionDto> {
  const { tenantId } = ctx.actor;
  return retryIfDoubleBooked(() =>
    withTenant(ctx.db, ctx.actor, async (tx) => {
      const { intervention, access } = await loadInterventionAccess(tx, ctx, interventionId);
      requireRunAccess(access);
      if (intervention.status === "cancelled" || intervention.status === "completed") {
        throw new ConflictError(
          `This intervention is ${intervention.status}; no sessions can be added.`,
        );
      }
      if (input.makeupForSessionId) {
        const original = await findSession(tx, tenantId, input.makeupForSessionId);
        if (!original || original.interventionId !== interventionId) {
          throw new NotFoundError("Session", "The session to make up for is not in this group.", [
            { path: "makeupForSessionId", message: "Pick a session of this group." },
          ]);
        }
      }
      await requireSchoolDay(tx, tenantId, input.date);
      const district = await districtOf(tx, tenantId);
      const slot = {
        date: input.date,
        startTime: input.startTime ?? intervention.startTime,
        minutes: input.minutes ?? intervention.sessionMinutes,
      };
      // Scenario 5: a make-up is checked like a plan's session; a conflict refuses it (409).
      await refuseSessionConflicts(tx, tenantId, interventionId, [slot]);
      const sequence = await nextSessionSequence(tx, tenantId, interventionId);
      const created = await insertSession(tx, {
        tenantId,
        interventionId,
        sequence,
        sessionDate: slot.date,
        startsAt: instantAt(slot.date, slot.startTime, district.timeZone),
        minutes: slot.minutes,
        // Whoever adds it runs it when they facilitate the group; otherwise its first facilitator.
        facilitatorId:
          ctx.actor.staffId && intervention.facilitatorIds.includes(ctx.actor.staffId)
            ? ctx.actor.staffId
            : (intervention.facilitatorIds[0] ?? null),
        roomId: intervention.roomId,
        makeupForSessionId: input.makeupForSessionId ?? null,
      });
      // The facilitators' calendars get the series again, with the added session in it.
      await queueCalendarInvites(tx, ctx, interventionId, "updated");
      await appendAudit(tx, ctx.actor, ctx.requestId, [
        {
          action: "session.added",
          entityType: "intervention_session",
          entityId: created.id,
          after: created,
          reason: input.reason,
        },
      ]);
      const planned = plannedSessionCount(
        intervention.durationWeeks,
        intervention.scheduleDays as Weekday[],
      );
      return toSessionDto(
        {
          ...created,
          date: created.sessionDate,
          markCount: 0,
          attendedCount: 0,
          countedCount: 0,
        },
        planned,
      );
    }),
  );
}
