import type { Tx } from "@/db/client";
import { districtOf } from "@/db/queries/districts";
import type { StoredIntervention } from "@/db/queries/intervention-changes";
import { replaceInterventionResources } from "@/db/queries/interventions/writes";
import { queueBehindSameHolders } from "@/db/queries/scheduling/booking-queue";
import { participantsOf } from "@/db/queries/scheduling/plan-facts";
import {
  deleteScheduledSessions,
  insertSessions,
  moveUpcomingSessionsToRoom,
  sessionsForReplan,
} from "@/db/queries/sessions/schedule";
import { todayIn, type Weekday } from "@/lib/domain/calendar/dates";
import type { UpdateInterventionInput } from "@/lib/domain/interventions/update-schema";
import { describeFrequency, type PlannedSession } from "@/lib/domain/schedule/generate-sessions";
import { replanSessions } from "@/lib/domain/schedule/replan";
import { acceptConflicts } from "@/lib/domain/scheduling/override";
import { checkPlan } from "../scheduling/plan-conflicts";
import { planSeries } from "./plan-series";

/**
 * What an edit does to a group's calendar (Scenario 5, issue point "Edit an intervention"):
 * the new plan is checked for conflicts from today on like a create, then the sessions still
 * to come are planned again (a new schedule, start or duration), moved to the new room, and
 * booked for the new facilitators and resources by the database's triggers.
 */
export async function prepareScheduleChange(
  tx: Tx,
  tenantId: string,
  current: StoredIntervention,
  input: UpdateInterventionInput,
  now: Date,
) {
  const replanning =
    input.schedule !== undefined ||
    input.startDate !== undefined ||
    input.durationWeeks !== undefined;
  const rebooking =
    replanning ||
    input.facilitatorIds !== undefined ||
    input.roomId !== undefined ||
    input.resources !== undefined;
  const open = current.status === "planned" || current.status === "active";
  if (!rebooking || !open || input.status === "cancelled" || input.status === "completed") {
    return null;
  }

  const district = await districtOf(tx, tenantId);
  const today = todayIn(district.timeZone, now);
  const participants = await participantsOf(tx, tenantId, current.id);
  const plan = {
    ...participants,
    facilitatorIds: input.facilitatorIds ?? participants.facilitatorIds,
    roomId: input.roomId !== undefined ? input.roomId : participants.roomId,
    resources: input.resources ?? participants.resources,
    startDate: input.startDate ?? current.startDate,
    durationWeeks: input.durationWeeks ?? current.durationWeeks,
    schedule: input.schedule ?? {
      days: current.scheduleDays as Weekday[],
      startTime: current.startTime,
      minutes: current.sessionMinutes,
    },
  };
  await queueBehindSameHolders(tx, tenantId, plan);
  const overridden = acceptConflicts(
    await checkPlan(tx, tenantId, plan, { from: today, withAlternatives: true }),
    input.override,
  );

  let replan: ReturnType<typeof replanSessions> | null = null;
  let columns: Partial<StoredIntervention> = {};
  if (replanning) {
    const { sessions: series, lastSession } = await planSeries(tx, district, plan);
    replan = replanSessions(await sessionsForReplan(tx, tenantId, current.id), series, today);
    columns = {
      startDate: plan.startDate,
      endDate: lastSession.date,
      durationWeeks: plan.durationWeeks,
      scheduleDays: [...plan.schedule.days],
      startTime: plan.schedule.startTime,
      sessionMinutes: plan.schedule.minutes,
      frequency: describeFrequency(plan.schedule),
    };
  }

  return {
    columns,
    overridden,
    /** What the group needed before, for the audit's before and after. */
    resourcesBefore: participants.resources,
    /**
     * First half of the writes: the sessions a replan replaces go, with their bookings, before
     * the facilitators change, so no one is booked at a time the group no longer meets.
     */
    async clearUpcoming() {
      if (replan) await deleteScheduledSessions(tx, tenantId, replan.removed);
    },
    /** Second half, after the facilitators: needs, room and the new sessions, booked as written. */
    async planUpcoming() {
      if (input.resources !== undefined) {
        await replaceInterventionResources(tx, tenantId, current.id, input.resources);
      }
      if (input.roomId !== undefined) {
        await moveUpcomingSessionsToRoom(tx, tenantId, current.id, today, input.roomId);
      }
      if (replan) {
        await insertReplannedSessions(tx, tenantId, current.id, replan.added, {
          facilitatorId: plan.facilitatorIds[0] ?? null,
          roomId: plan.roomId ?? null,
        });
      }
      return replan
        ? { sessionsReplaced: replan.removed.length, sessionsPlanned: replan.added.length }
        : null;
    },
  };
}

/**
 * A replan's new sessions, for the group's lead facilitator and room (the database's triggers
 * book both): an edit's, and the year-end rollover's for a group that continues.
 */
export async function insertReplannedSessions(
  tx: Tx,
  tenantId: string,
  interventionId: string,
  added: readonly PlannedSession[],
  place: { facilitatorId: string | null; roomId: string | null },
): Promise<void> {
  if (added.length === 0) return;
  await insertSessions(
    tx,
    added.map((session) => ({
      tenantId,
      interventionId,
      sequence: session.sequence,
      sessionDate: session.date,
      startsAt: session.startsAt,
      minutes: session.minutes,
      ...place,
    })),
  );
}
