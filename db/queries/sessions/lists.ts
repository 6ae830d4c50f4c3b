import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import { ATTENDED_STATUSES, UNCOUNTED_STATUSES } from "@/lib/domain/attendance";
import type { Tx } from "../../client";
import {
  interventionEnrollments,
  interventionFacilitators,
  interventionSessions,
  interventions,
  rooms,
  sessionAttendance,
} from "../../schema";
import { qualified } from "../qualified";
import { tenantJoin } from "../tenant-join";
import { ofGroup, ofGroups } from "../tenant-row";
import type { SessionRow } from "./schedule";

/**
 * Lists of sessions: a facilitator's day, a group's calendar with tallies, and what fidelity
 * counts.
 */

const markCount = sql<number>`(select count(*)::int from ${sessionAttendance} a
  where a.tenant_id = ${qualified(interventionSessions.tenantId)} and a.session_id = ${qualified(interventionSessions.id)})`;
/**
 * The statuses below are the domain's lists (lib/domain/attendance/types.ts → ATTENDED_STATUSES,
 * UNCOUNTED_STATUSES), which attendedCount and attendanceRateFromCounts sum over too, so a
 * change of what counts as attended changes these tallies with it.
 */
const statusList = (statuses: readonly string[]) =>
  sql.join(
    statuses.map((status) => sql`${status}`),
    sql`, `,
  );
const presentCount = sql<number>`(select count(*)::int from ${sessionAttendance} a
  where a.tenant_id = ${qualified(interventionSessions.tenantId)} and a.session_id = ${qualified(interventionSessions.id)}
    and a.attendance_status in (${statusList(ATTENDED_STATUSES)}))`;
const countedCount = sql<number>`(select count(*)::int from ${sessionAttendance} a
  where a.tenant_id = ${qualified(interventionSessions.tenantId)} and a.session_id = ${qualified(interventionSessions.id)}
    and a.attendance_status not in (${statusList(UNCOUNTED_STATUSES)}))`;
const activeEnrolled = sql<number>`(select count(*)::int from ${interventionEnrollments} e
  where e.tenant_id = ${qualified(interventionSessions.tenantId)}
    and e.intervention_id = ${qualified(interventionSessions.interventionId)} and e.is_active)`;

/**
 * Sessions of the groups a staff member facilitates between two dates (inclusive), earliest
 * first, optionally only those still in one status (e.g. "scheduled": attendance not taken).
 */
export async function sessionsFacilitatedBy(
  tx: Tx,
  tenantId: string,
  staffId: string,
  range: { from: string; to: string; status?: SessionRow["status"] },
) {
  const conditions: SQL[] = [
    eq(interventionSessions.tenantId, tenantId),
    sql`${interventionSessions.sessionDate} between ${range.from} and ${range.to}`,
  ];
  if (range.status) conditions.push(eq(interventionSessions.status, range.status));
  return tx
    .select({
      id: interventionSessions.id,
      interventionId: interventionSessions.interventionId,
      interventionName: interventions.name,
      tier: interventions.tier,
      sequence: interventionSessions.sequence,
      date: interventionSessions.sessionDate,
      startsAt: interventionSessions.startsAt,
      minutes: interventionSessions.minutes,
      status: interventionSessions.status,
      roomName: rooms.name,
      enrolledCount: activeEnrolled,
      markCount,
      attendedCount: presentCount,
      countedCount,
    })
    .from(interventionSessions)
    .innerJoin(interventions, tenantJoin(interventions.id, interventionSessions.interventionId))
    .innerJoin(
      interventionFacilitators,
      and(
        tenantJoin(interventionFacilitators.interventionId, interventionSessions.interventionId),
        eq(interventionFacilitators.staffId, staffId),
      ),
    )
    .leftJoin(rooms, tenantJoin(rooms.id, interventionSessions.roomId))
    .where(and(...conditions))
    .orderBy(asc(interventionSessions.startsAt));
}

/** The first date after `after` on which a group the staff member facilitates meets, or null. */
export async function nextSessionDateFacilitatedBy(
  tx: Tx,
  tenantId: string,
  staffId: string,
  after: string,
): Promise<string | null> {
  const [row] = await tx
    .select({ date: sql<string>`min(${interventionSessions.sessionDate})` })
    .from(interventionSessions)
    .innerJoin(
      interventionFacilitators,
      and(
        tenantJoin(interventionFacilitators.interventionId, interventionSessions.interventionId),
        eq(interventionFacilitators.staffId, staffId),
      ),
    )
    .where(
      and(
        eq(interventionSessions.tenantId, tenantId),
        eq(interventionSessions.status, "scheduled"),
        sql`${interventionSessions.sessionDate} > ${after}`,
      ),
    );
  return row?.date ?? null;
}

/** An intervention's sessions with each one's attendance tallies, in calendar order. */
export async function sessionsWithTallies(
  tx: Tx,
  tenantId: string,
  interventionId: string,
  range: { from?: string; to?: string } = {},
) {
  const conditions: SQL[] = [ofGroup(interventionSessions, tenantId, interventionId)];
  if (range.from) conditions.push(sql`${interventionSessions.sessionDate} >= ${range.from}`);
  if (range.to) conditions.push(sql`${interventionSessions.sessionDate} <= ${range.to}`);
  return tx
    .select({
      id: interventionSessions.id,
      interventionId: interventionSessions.interventionId,
      sequence: interventionSessions.sequence,
      date: interventionSessions.sessionDate,
      startsAt: interventionSessions.startsAt,
      minutes: interventionSessions.minutes,
      status: interventionSessions.status,
      notes: interventionSessions.notes,
      cancellationReason: interventionSessions.cancellationReason,
      makeupForSessionId: interventionSessions.makeupForSessionId,
      markCount,
      attendedCount: presentCount,
      countedCount,
    })
    .from(interventionSessions)
    .where(and(...conditions))
    .orderBy(asc(interventionSessions.startsAt), asc(interventionSessions.sequence));
}

/** What fidelity is computed from, for several interventions at once. */
export async function deliverySessions(tx: Tx, tenantId: string, interventionIds: string[]) {
  if (interventionIds.length === 0) return [];
  return tx
    .select({
      interventionId: interventionSessions.interventionId,
      sequence: interventionSessions.sequence,
      status: interventionSessions.status,
      startsAt: interventionSessions.startsAt,
      minutes: interventionSessions.minutes,
    })
    .from(interventionSessions)
    .where(ofGroups(interventionSessions, tenantId, interventionIds));
}
