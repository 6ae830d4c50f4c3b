import { listReadTarget, recordRead } from "@/db/queries/audit";
import { districtOf } from "@/db/queries/districts";
import { studentsTaughtBy } from "@/db/queries/people";
import { monitoringPlanOf } from "@/db/queries/progress/measures";
import { lastRecording, sessionRoster } from "@/db/queries/sessions/attendance";
import { interventionAttendanceCounts } from "@/db/queries/sessions/attendance-history";
import { withTenant } from "@/db/with-tenant";
import {
  attendanceRateFromCounts,
  countByStatus,
  type FollowUpFlag,
} from "@/lib/domain/attendance";
import { todayIn, type Weekday } from "@/lib/domain/calendar/dates";
import { mayRunSessions } from "@/lib/domain/policy";
import { plannedSessionCount } from "@/lib/domain/schedule/generate-sessions";
import { isMakeupSession } from "@/lib/domain/sessions/delivery";
import { followUpSettingsFrom } from "@/lib/domain/sessions/follow-up-settings";
import { loadSessionAccess } from "../access";
import type { UseCaseContext } from "../context";
import { deliveryOf } from "./delivery-of";
import { flagsOf } from "./flags-of";

/**
 * The session page: the roster with each student's mark and probe score, the session's rate,
 * who is flagged for follow-up, and the group's fidelity. A teacher following the group sees
 * only the students on their own class rosters.
 */
export async function getSession(ctx: UseCaseContext, sessionId: string) {
  const { tenantId } = ctx.actor;
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const { session, intervention, access } = await loadSessionAccess(tx, ctx, sessionId);
    const runs = mayRunSessions(access);
    const [district, fullRoster, plan, recording, deliveries, groupCounts] = await Promise.all([
      districtOf(tx, tenantId),
      sessionRoster(tx, tenantId, session),
      monitoringPlanOf(tx, tenantId, intervention.id),
      lastRecording(tx, tenantId, sessionId),
      deliveryOf(tx, tenantId, [intervention], ctx.now()),
      interventionAttendanceCounts(tx, tenantId, intervention.id),
    ]);
    const taught =
      !runs && ctx.actor.staffId
        ? new Set((await studentsTaughtBy(tx, tenantId, ctx.actor.staffId)).map((s) => s.id))
        : null;
    const roster = taught ? fullRoster.filter((r) => taught.has(r.studentId)) : fullRoster;
    const flags = runs
      ? await flagsOf(tx, tenantId, followUpSettingsFrom(district.settings), {
          interventionIds: [intervention.id],
          studentIds: roster.map((r) => r.studentId),
        })
      : new Map<string, FollowUpFlag[]>();

    const statuses = roster.flatMap((r) => (r.status ? [r.status] : []));
    const counts = countByStatus(statuses);
    const today = todayIn(district.timeZone, ctx.now());
    const planned = plannedSessionCount(
      intervention.durationWeeks,
      intervention.scheduleDays as Weekday[],
    );
    // The roster with its marks and probe scores is the students' record: one read-log row.
    await recordRead(
      tx,
      ctx.actor,
      ctx.requestId,
      listReadTarget(
        "session-roster",
        roster.map((r) => r.studentId),
        { sessionId: session.id, interventionId: intervention.id },
      ),
    );
    return {
      access,
      today,
      timeZone: district.timeZone,
      /** Attendance can be taken on or after the session's day, unless it was cancelled. */
      canRecord: runs && session.status !== "cancelled" && session.sessionDate <= today,
      canChangeSchedule: runs && session.status === "scheduled",
      session: {
        id: session.id,
        sequence: session.sequence,
        date: session.sessionDate,
        startsAt: session.startsAt,
        minutes: session.minutes,
        status: session.status,
        notes: runs ? session.notes : null,
        isMakeup: isMakeupSession(session.sequence, planned),
        cancellationReason: session.cancellationReason,
        makeupForSessionId: session.makeupForSessionId,
      },
      intervention: {
        id: intervention.id,
        name: intervention.name,
        tier: intervention.tier,
        focusArea: intervention.focusArea,
        startTime: intervention.startTime,
        sessionMinutes: intervention.sessionMinutes,
      },
      measure: plan?.measureName ? { name: plan.measureName, unit: plan.measureUnit } : null,
      roster: roster.map((r) => ({
        studentId: r.studentId,
        firstName: r.firstName,
        lastName: r.lastName,
        grade: r.grade,
        status: r.status,
        probeScore: r.probeScore,
      })),
      recorded: statuses.length > 0 ? recording : null,
      counts,
      attendanceRate: attendanceRateFromCounts(counts),
      flaggedStudentIds: (flags.get(intervention.id) ?? []).map((flag) => flag.studentId),
      /** The whole group's marks and delivery to date, beside this session's. */
      group: {
        counts: groupCounts,
        attendanceRate: attendanceRateFromCounts(groupCounts),
        ...deliveries.get(intervention.id)!,
      },
    };
  });
}
