import { appendAudit } from "@/db/queries/audit";
import { districtOf } from "@/db/queries/districts";
import {
  insertFacilitators,
  insertIntervention,
  insertInterventionResources,
} from "@/db/queries/interventions/writes";
import { enqueueEvents } from "@/db/queries/outbox";
import { existingStaffIds } from "@/db/queries/people";
import { queueBehindSameHolders } from "@/db/queries/scheduling/booking-queue";
import { insertSessions } from "@/db/queries/sessions/schedule";
import { findTemplate } from "@/db/queries/templates";
import { todayIn } from "@/lib/domain/calendar/dates";
import { ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import { interventionSubject } from "@/lib/domain/events";
import type { CreateInterventionInput } from "@/lib/domain/interventions/schemas";
import { canCreateIntervention, seesTemplate } from "@/lib/domain/policy";
import { describeFrequency, type PlannedSession } from "@/lib/domain/schedule/generate-sessions";
import { acceptConflicts } from "@/lib/domain/scheduling/override";
import { queueCalendarInvites } from "../calendar/queue-calendar-invites";
import { runIdempotent } from "../common/idempotent";
import type { UseCaseContext } from "../context";
import { overrideAudit } from "../scheduling/override-audit";
import { checkPlan } from "../scheduling/plan-conflicts";
import { retryIfDoubleBooked } from "../scheduling/retry-double-booking";
import { enrollInTransaction } from "./enroll-in-transaction";
import { type InterventionDto, toInterventionDto } from "./intervention-dto";
import { planSeries } from "./plan-series";

/** Retries of a create within this window return the first answer (the API reference: lib/api/routes/). */
export const CREATE_IDEMPOTENCY_MINUTES = 10;

/**
 * Scenario 1: one transaction writes the intervention, its facilitators, the planned sessions
 * (skipping non-instructional days), the enrollments, audit rows and the outbox events.
 * Scenario 5: a plan with conflicts is refused with the list (409) unless overridden where the
 * district allows it. Two saves racing for one room or person: the database lets one win, and
 * the other, tried again, meets the winner's booking as a conflict like any other (or, with
 * the same Idempotency-Key, gets the winner's answer).
 */
export async function createIntervention(
  ctx: UseCaseContext,
  input: CreateInterventionInput,
  idempotencyKey?: string | null,
) {
  if (!canCreateIntervention(ctx.actor)) {
    throw new ForbiddenError(
      "Only intervention specialists and district admins create interventions.",
    );
  }
  return retryIfDoubleBooked(() => createOnce(ctx, input, idempotencyKey));
}

function createOnce(
  ctx: UseCaseContext,
  input: CreateInterventionInput,
  idempotencyKey: string | null | undefined,
) {
  const { tenantId } = ctx.actor;
  return runIdempotent<InterventionDto>(
    ctx,
    {
      operation: "create-intervention",
      key: idempotencyKey,
      request: input,
      windowMinutes: CREATE_IDEMPOTENCY_MINUTES,
    },
    async (tx) => {
      const district = await districtOf(tx, tenantId);

      const facilitators = await existingStaffIds(tx, tenantId, input.facilitatorIds);
      const missingFacilitator = input.facilitatorIds.findIndex((id) => !facilitators.has(id));
      if (missingFacilitator >= 0) {
        throw new NotFoundError("Facilitator", "The facilitator was not found in your district.", [
          {
            path: `facilitatorIds.${missingFacilitator}`,
            message: "No such staff member in your district.",
          },
        ]);
      }

      // The group remembers its template (Scenario 10) and starts with its progress measure; one
      // the actor may not see (another's personal template, another district's) is not found.
      const template = input.templateId ? await findTemplate(tx, tenantId, input.templateId) : null;
      if (input.templateId && (!template || !seesTemplate(ctx.actor, template))) {
        throw new NotFoundError("Template", "The template was not found in your district.", [
          { path: "templateId", message: "No such template in your district." },
        ]);
      }

      const { sessions, lastSession, holidays } = await planSeries(tx, district, input);

      // Checks the room and resources exist too (404 with the field), once saves booking the
      // same room, people or pools have ended: a clash with them is then a 409 like any other.
      await queueBehindSameHolders(tx, tenantId, input);
      const overridden = acceptConflicts(
        await checkPlan(tx, tenantId, input, {
          withAlternatives: true,
          known: { district, holidays },
        }),
        input.override,
      );

      const today = todayIn(district.timeZone, ctx.now());
      const created = await insertIntervention(tx, {
        tenantId,
        name: input.name,
        tier: input.tier,
        focusArea: input.focusArea,
        description: input.description || null,
        goal: input.goal || null,
        status: input.startDate > today ? "planned" : "active",
        startDate: input.startDate,
        endDate: lastSession.date,
        durationWeeks: input.durationWeeks,
        scheduleDays: input.schedule.days,
        startTime: input.schedule.startTime,
        sessionMinutes: input.schedule.minutes,
        frequency: describeFrequency(input.schedule),
        roomId: input.roomId ?? null,
        createdBy: ctx.actor.userId,
        templateId: template?.id ?? null,
        ...(template?.measureName
          ? {
              measureName: template.measureName,
              measureUnit: template.measureUnit,
              measureDirection: template.measureDirection,
              goalValue: template.goalValue,
            }
          : {}),
      });

      // Both before the sessions, whose insert books the people and units they name.
      await Promise.all([
        insertFacilitators(tx, tenantId, created.id, input.facilitatorIds),
        insertInterventionResources(tx, tenantId, created.id, input.resources),
      ]);
      await insertSessions(
        tx,
        sessions.map((session) => ({
          tenantId,
          interventionId: created.id,
          sequence: session.sequence,
          sessionDate: session.date,
          startsAt: session.startsAt,
          minutes: session.minutes,
          facilitatorId: input.facilitatorIds[0],
          roomId: input.roomId ?? null,
        })),
      );

      const enrolled = await enrollInTransaction(tx, ctx, created, input.studentIds, today);
      // The group's event and its students' in one statement, in that order.
      await enqueueEvents(tx, tenantId, ctx.now(), [
        {
          type: "InterventionCreatedEvent",
          subject: interventionSubject(created.id),
          data: {
            interventionId: created.id,
            name: created.name,
            tier: created.tier,
            focusArea: created.focusArea,
            startDate: created.startDate,
            endDate: created.endDate,
            facilitatorIds: input.facilitatorIds,
            sessionCount: sessions.length,
            studentIds: input.studentIds,
          },
        },
        ...enrolled.events,
      ]);
      await queueCalendarInvites(tx, ctx, created.id, "created");

      // Last write of the transaction: the audit trigger holds the district's chain lock until commit.
      await appendAudit(tx, ctx.actor, ctx.requestId, [
        {
          action: "intervention.created",
          entityType: "intervention",
          entityId: created.id,
          after: {
            ...created,
            facilitatorIds: input.facilitatorIds,
            sessionCount: sessions.length,
            resources: input.resources,
          },
        },
        ...overrideAudit(created.id, overridden),
        ...enrolled.audit,
      ]);
      // The answer is made of what was written, not read back: nothing else changed the group.
      return {
        status: 201,
        body: toInterventionDto({
          ...created,
          facilitatorIds: [...new Set(input.facilitatorIds.map((id) => id.toLowerCase()))].sort(),
          enrolledCount: enrolled.studentIds.length,
          sessionCount: sessions.length,
          nextSessionAt: nextSessionAt(sessions, ctx.now()),
        }),
      };
    },
  );
}

/** When the first session not yet over begins (what the group's read gives as `nextSessionAt`). */
function nextSessionAt(sessions: readonly PlannedSession[], now: Date): string | null {
  const next = sessions.find(
    (session) => session.startsAt.getTime() + session.minutes * 60_000 > now.getTime(),
  );
  return next ? next.startsAt.toISOString() : null;
}
