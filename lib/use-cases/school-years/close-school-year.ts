import type { Tx } from "@/db/client";
import { isDoubleBookingRefused } from "@/db/errors";
import { appendAudit } from "@/db/queries/audit";
import { type District, districtOf } from "@/db/queries/districts";
import { lockIntervention, updateInterventionRow } from "@/db/queries/intervention-changes";
import { participantsOf } from "@/db/queries/scheduling/plan-facts";
import {
  groupsMeetingAfter,
  insertCarryOvers,
  lockSchoolYear,
  markSchoolYearClosed,
  scheduledSessionIdsAfter,
  schoolYearsOf,
  tieredStudents,
} from "@/db/queries/school-years";
import { deleteScheduledSessions, sessionsForReplan } from "@/db/queries/sessions/schedule";
import { withTenant } from "@/db/with-tenant";
import { addDays, todayIn, type Weekday } from "@/lib/domain/calendar/dates";
import {
  type CloseSchoolYearInput,
  carryOverJustification,
  checkRolloverChoices,
  type RolloverOutcome,
} from "@/lib/domain/calendar/school-years";
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnprocessableError,
} from "@/lib/domain/errors";
import { canManageSchoolYears } from "@/lib/domain/policy";
import { replanSessions } from "@/lib/domain/schedule/replan";
import { queueCalendarInvites } from "../calendar/queue-calendar-invites";
import type { UseCaseContext } from "../context";
import { planSeries } from "../interventions/plan-series";
import { insertReplannedSessions } from "../interventions/schedule-change";
import { type SchoolYearDto, schoolYearDto, yearToClose } from "./list-school-years";

export interface RolloverResult {
  year: SchoolYearDto;
  next: SchoolYearDto;
  continued: number;
  ended: number;
  tiersCarriedOver: number;
}

/**
 * The year-end rollover (issue 11, point 6; docs/domain.md, "School years and the year-end
 * rollover"), in one transaction. Each group still meeting after the year's last day either
 * continues — its sessions after the last day are planned again on the next year's calendar,
 * the summer skipped, as many as were left — or ends on the last day (its later sessions go,
 * and the daily job completes it with the families' closing letters once that day is past).
 * Every student in Tier 2 or 3 keeps the tier with a `carry-over` decision naming what becomes
 * of their groups, so no plan lapses over the summer. Years close in order, once.
 */
export async function closeSchoolYear(
  ctx: UseCaseContext,
  yearId: string,
  input: CloseSchoolYearInput,
): Promise<RolloverResult> {
  if (!canManageSchoolYears(ctx.actor)) {
    throw new ForbiddenError("Only district admins close a school year.");
  }
  const { tenantId } = ctx.actor;
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const year = await lockSchoolYear(tx, tenantId, yearId);
    if (!year) throw new NotFoundError("School year");
    if (year.closedAt) throw new ConflictError(`${year.label} is already closed.`);
    const { closing, next } = yearToClose(await schoolYearsOf(tx, tenantId));
    if (closing?.id !== year.id) {
      throw new ConflictError(`Close ${closing?.label} first: years close in order.`);
    }
    if (!next) {
      throw new UnprocessableError(
        `Enter the ${year.label} successor's first and last days before closing ${year.label}: continuing groups are planned on it.`,
        [{ path: "next", message: "No school year follows this one yet." }],
      );
    }

    const groups = await groupsMeetingAfter(tx, tenantId, year.lastDay);
    const problems = checkRolloverChoices(
      groups.map((group) => group.id),
      input,
    );
    if (problems.length > 0) {
      throw new UnprocessableError(
        "Choose, for each group meeting after the last day, whether it continues or ends.",
        problems,
      );
    }
    const outcomes = new Map(input.groups.map((choice) => [choice.interventionId, choice.outcome]));

    const district = await districtOf(tx, tenantId);
    const today = todayIn(district.timeZone, ctx.now());
    const collided: string[] = [];
    for (const group of groups) {
      const outcome = outcomes.get(group.id) as RolloverOutcome;
      // A savepoint each: a continuing group whose new sessions meet a booking is named, not fatal.
      await tx
        .transaction((groupTx) =>
          outcome === "continue"
            ? continueGroup(groupTx, ctx, district, group.id, year.lastDay, today)
            : endGroup(groupTx, ctx, group.id, year.lastDay),
        )
        .catch((error: unknown) => {
          if (!isDoubleBookingRefused(error)) throw error;
          collided.push(group.name);
        });
    }
    if (collided.length > 0) {
      throw new ConflictError(
        `In ${next.label} these groups would meet where a room, person or resource is already booked: ${collided.join(", ")}. Move them, or let them end.`,
      );
    }

    const groupsOf = new Map(groups.map((group) => [group.id, group]));
    const tiered = await tieredStudents(tx, tenantId);
    await insertCarryOvers(
      tx,
      tiered.map((student) => ({
        tenantId,
        studentId: student.id,
        fromTier: student.tier,
        toTier: student.tier,
        decidedOn: today,
        decision: "carry-over" as const,
        justification: carryOverJustification(
          student.tier,
          year.label,
          next.label,
          student.groupIds.flatMap((id) => {
            const group = groupsOf.get(id);
            const outcome = outcomes.get(id);
            return group && outcome ? [{ name: group.name, outcome }] : [];
          }),
        ),
        decidedBy: ctx.actor.userId,
      })),
    );
    await markSchoolYearClosed(tx, tenantId, year.id, ctx.actor.userId, ctx.now());

    const continued = groups.filter((group) => outcomes.get(group.id) === "continue");
    const ended = groups.filter((group) => outcomes.get(group.id) === "end");
    await appendAudit(tx, ctx.actor, ctx.requestId, [
      {
        action: "school_year.closed",
        entityType: "school_year",
        entityId: year.id,
        before: { label: year.label, status: "open" },
        after: {
          status: "closed",
          next: next.label,
          continued: continued.map((group) => group.id),
          ended: ended.map((group) => group.id),
          tiersCarriedOver: tiered.length,
        },
      },
    ]);
    return {
      year: schoolYearDto({ ...year, closedAt: ctx.now() }),
      next: schoolYearDto(next),
      continued: continued.length,
      ended: ended.length,
      tiersCarriedOver: tiered.length,
    };
  });
}

/**
 * The group's sessions after the last day are planned again from its own pattern on the
 * district's calendar, which now has the summer off: held sessions and those up to the last
 * day stay as they are, and the series resumes on the next year's first matching day.
 */
async function continueGroup(
  tx: Tx,
  ctx: UseCaseContext,
  district: District,
  interventionId: string,
  lastDay: string,
  today: string,
) {
  const { tenantId } = ctx.actor;
  const current = await lockIntervention(tx, tenantId, interventionId);
  if (!current) throw new NotFoundError("Intervention");
  const participants = await participantsOf(tx, tenantId, interventionId);
  const { sessions: series, lastSession } = await planSeries(tx, district, {
    startDate: current.startDate,
    durationWeeks: current.durationWeeks,
    schedule: {
      days: current.scheduleDays as Weekday[],
      startTime: current.startTime,
      minutes: current.sessionMinutes,
    },
  });
  const from = [addDays(lastDay, 1), today].sort()[1] as string;
  const replan = replanSessions(
    await sessionsForReplan(tx, tenantId, interventionId),
    series,
    from,
  );
  await deleteScheduledSessions(tx, tenantId, replan.removed);
  await insertReplannedSessions(tx, tenantId, interventionId, replan.added, {
    facilitatorId: participants.facilitatorIds[0] ?? null,
    roomId: participants.roomId,
  });
  await updateInterventionRow(
    tx,
    tenantId,
    interventionId,
    current.version,
    { endDate: lastSession.date },
    ctx.now(),
  );
  await queueCalendarInvites(tx, ctx, interventionId, "updated");
}

/**
 * The group stops on the last day: its later sessions go, its end date becomes that day (the
 * daily job completes it once the day is past, as any group that reached its end).
 */
async function endGroup(tx: Tx, ctx: UseCaseContext, interventionId: string, lastDay: string) {
  const { tenantId } = ctx.actor;
  const current = await lockIntervention(tx, tenantId, interventionId);
  if (!current) throw new NotFoundError("Intervention");
  await deleteScheduledSessions(
    tx,
    tenantId,
    await scheduledSessionIdsAfter(tx, tenantId, interventionId, lastDay),
  );
  // A group that was to start only after the last day never meets: it is cancelled instead.
  const neverMeets = current.startDate > lastDay;
  await updateInterventionRow(
    tx,
    tenantId,
    interventionId,
    current.version,
    neverMeets ? { status: "cancelled" } : { endDate: [current.endDate, lastDay].sort()[0] },
    ctx.now(),
  );
  await queueCalendarInvites(tx, ctx, interventionId, neverMeets ? "cancelled" : "updated");
}
