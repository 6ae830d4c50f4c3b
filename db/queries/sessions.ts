import { and, asc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { AttendanceCounts, AttendanceStatus } from "@/lib/domain/attendance";
import type { Tx } from "../client";
import {
  interventionEnrollments,
  interventionFacilitators,
  interventionSessions,
  interventions,
  probeScores,
  rooms,
  sessionAttendance,
  students,
  users,
} from "../schema";
import { qualified } from "./progress";
import { returnedRow } from "./returned-row";
import { tenantJoin } from "./tenant-join";

export type SessionRow = typeof interventionSessions.$inferSelect;

export async function findSession(tx: Tx, tenantId: string, sessionId: string) {
  const [row] = await tx
    .select()
    .from(interventionSessions)
    .where(
      and(eq(interventionSessions.tenantId, tenantId), eq(interventionSessions.id, sessionId)),
    );
  return row ?? null;
}

/** A planned session, returned as stored. */
export async function insertSession(
  tx: Tx,
  session: typeof interventionSessions.$inferInsert,
): Promise<SessionRow> {
  return returnedRow(await tx.insert(interventionSessions).values(session).returning());
}

/** A new intervention's whole plan of sessions. */
export async function insertSessions(
  tx: Tx,
  sessions: (typeof interventionSessions.$inferInsert)[],
): Promise<void> {
  await tx.insert(interventionSessions).values(sessions);
}

async function updateSession(
  tx: Tx,
  tenantId: string,
  sessionId: string,
  changes: Partial<
    Pick<SessionRow, "status" | "notes" | "cancellationReason" | "sessionDate" | "startsAt">
  >,
): Promise<void> {
  await tx
    .update(interventionSessions)
    .set(changes)
    .where(
      and(eq(interventionSessions.tenantId, tenantId), eq(interventionSessions.id, sessionId)),
    );
}

/** Attendance was taken: the session was held, with these notes. */
export function markSessionHeld(tx: Tx, tenantId: string, sessionId: string, notes: string | null) {
  return updateSession(tx, tenantId, sessionId, { status: "held", notes });
}

/** Called off; it stays in the plan, so fidelity counts the dose that was missed. */
export function markSessionCancelled(tx: Tx, tenantId: string, sessionId: string, reason: string) {
  return updateSession(tx, tenantId, sessionId, {
    status: "cancelled",
    cancellationReason: reason,
  });
}

export function moveSession(
  tx: Tx,
  tenantId: string,
  sessionId: string,
  to: { sessionDate: string; startsAt: Date },
) {
  return updateSession(tx, tenantId, sessionId, to);
}

const markCount = sql<number>`(select count(*)::int from ${sessionAttendance} a
  where a.tenant_id = ${qualified(interventionSessions.tenantId)} and a.session_id = ${qualified(interventionSessions.id)})`;
const presentCount = sql<number>`(select count(*)::int from ${sessionAttendance} a
  where a.tenant_id = ${qualified(interventionSessions.tenantId)} and a.session_id = ${qualified(interventionSessions.id)}
    and a.attendance_status in ('present', 'tardy'))`;
const countedCount = sql<number>`(select count(*)::int from ${sessionAttendance} a
  where a.tenant_id = ${qualified(interventionSessions.tenantId)} and a.session_id = ${qualified(interventionSessions.id)}
    and a.attendance_status <> 'excused')`;
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
  const conditions: SQL[] = [
    eq(interventionSessions.tenantId, tenantId),
    eq(interventionSessions.interventionId, interventionId),
  ];
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
    .where(
      and(
        eq(interventionSessions.tenantId, tenantId),
        inArray(interventionSessions.interventionId, interventionIds),
      ),
    );
}

/**
 * Who belongs on a session's roster: everyone already marked for it, and the students who were
 * in the group on its date (joined by then, and still in it or left later), so a past session
 * taken late still lists a student who has since left.
 */
export async function sessionRoster(tx: Tx, tenantId: string, session: SessionRow) {
  const rows = await tx.execute<{
    student_id: string;
    first_name: string;
    last_name: string;
    grade: number;
    status: AttendanceStatus | null;
    probe_score: number | null;
  }>(sql`
    with members as (
      select e.student_id from ${interventionEnrollments} e
      where e.tenant_id = ${tenantId} and e.intervention_id = ${session.interventionId}
        and e.enrollment_date <= ${session.sessionDate}
        and (e.is_active or e.exit_date > ${session.sessionDate})
      union
      select m.student_id from ${sessionAttendance} m
      where m.tenant_id = ${tenantId} and m.session_id = ${session.id}
    )
    select st.id as student_id, st.first_name, st.last_name, st.grade,
           a.attendance_status as status, p.value as probe_score
    from members
    join ${students} st on st.tenant_id = ${tenantId} and st.id = members.student_id
    left join ${sessionAttendance} a
      on a.tenant_id = ${tenantId} and a.session_id = ${session.id} and a.student_id = st.id
    left join ${probeScores} p
      on p.tenant_id = ${tenantId} and p.session_id = ${session.id} and p.student_id = st.id
    order by st.last_name, st.first_name, st.id`);
  return rows.map((r) => ({
    studentId: r.student_id,
    firstName: r.first_name,
    lastName: r.last_name,
    grade: r.grade,
    status: r.status,
    probeScore: r.probe_score,
  }));
}

export async function sessionMarks(tx: Tx, tenantId: string, sessionId: string) {
  return tx
    .select({ studentId: sessionAttendance.studentId, status: sessionAttendance.status })
    .from(sessionAttendance)
    .where(
      and(eq(sessionAttendance.tenantId, tenantId), eq(sessionAttendance.sessionId, sessionId)),
    )
    .orderBy(asc(sessionAttendance.studentId));
}

export async function sessionProbeScores(tx: Tx, tenantId: string, sessionId: string) {
  return tx
    .select({ studentId: probeScores.studentId, value: probeScores.value })
    .from(probeScores)
    .where(and(eq(probeScores.tenantId, tenantId), eq(probeScores.sessionId, sessionId)))
    .orderBy(asc(probeScores.studentId));
}

/** Who last saved the session's attendance, and when. */
export async function lastRecording(tx: Tx, tenantId: string, sessionId: string) {
  const [row] = await tx
    .select({ at: sessionAttendance.recordedAt, byName: users.name })
    .from(sessionAttendance)
    .leftJoin(users, tenantJoin(users.id, sessionAttendance.recordedBy))
    .where(
      and(eq(sessionAttendance.tenantId, tenantId), eq(sessionAttendance.sessionId, sessionId)),
    )
    .orderBy(sql`${sessionAttendance.recordedAt} desc`)
    .limit(1);
  return row ?? null;
}

/**
 * One mark per student per session: a repeated save overwrites. The time and author change only
 * for marks whose status changed, so they say when each mark was last set and by whom.
 */
export async function upsertMarks(
  tx: Tx,
  rows: {
    tenantId: string;
    sessionId: string;
    studentId: string;
    status: AttendanceStatus;
    recordedAt: Date;
    recordedBy: string;
  }[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insert(sessionAttendance)
    .values(rows)
    .onConflictDoUpdate({
      target: [
        sessionAttendance.tenantId,
        sessionAttendance.sessionId,
        sessionAttendance.studentId,
      ],
      set: {
        status: sql`excluded.attendance_status`,
        recordedAt: sql`excluded.recorded_at`,
        recordedBy: sql`excluded.recorded_by`,
      },
      setWhere: sql`${sessionAttendance.status} is distinct from excluded.attendance_status`,
    });
}

export async function upsertSessionProbeScores(
  tx: Tx,
  rows: {
    tenantId: string;
    interventionId: string;
    sessionId: string;
    studentId: string;
    scoreDate: string;
    value: number;
    recordedBy: string;
  }[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insert(probeScores)
    .values(rows)
    .onConflictDoUpdate({
      target: [probeScores.tenantId, probeScores.sessionId, probeScores.studentId],
      set: { value: sql`excluded.value`, recordedBy: sql`excluded.recorded_by` },
      setWhere: sql`${probeScores.value} is distinct from excluded.value`,
    });
}

/**
 * Each student's marks in one intervention, in session order: the history the follow-up flags
 * read. Only students with at least `minAbsences` absences are returned, since no one with
 * fewer can reach either threshold; that keeps a district-wide list cheap.
 */
export async function absenceHistories(
  tx: Tx,
  tenantId: string,
  filter: { interventionIds: string[]; studentIds?: string[]; minAbsences: number },
): Promise<Map<string, Map<string, AttendanceStatus[]>>> {
  const byIntervention = new Map<string, Map<string, AttendanceStatus[]>>();
  if (filter.interventionIds.length === 0) return byIntervention;
  if (filter.studentIds && filter.studentIds.length === 0) return byIntervention;
  const studentFilter = filter.studentIds
    ? sql`and a.student_id in (${sql.join(
        filter.studentIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql``;
  const interventionList = sql.join(
    filter.interventionIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rows = await tx.execute<{
    intervention_id: string;
    student_id: string;
    status: AttendanceStatus;
  }>(sql`
    with marks as (
      select s.intervention_id, a.student_id, a.attendance_status, s.starts_at, s.sequence,
             count(*) filter (where a.attendance_status = 'absent')
               over (partition by s.intervention_id, a.student_id) as absences
      from ${sessionAttendance} a
      join ${interventionSessions} s on s.tenant_id = a.tenant_id and s.id = a.session_id
      where a.tenant_id = ${tenantId} and s.intervention_id in (${interventionList})
        ${studentFilter}
    )
    select intervention_id, student_id, attendance_status as status from marks
    where absences >= ${filter.minAbsences}
    order by intervention_id, student_id, starts_at, sequence`);
  for (const row of rows) {
    const students =
      byIntervention.get(row.intervention_id) ?? new Map<string, AttendanceStatus[]>();
    byIntervention.set(row.intervention_id, students);
    students.set(row.student_id, [...(students.get(row.student_id) ?? []), row.status]);
  }
  return byIntervention;
}

/** Marks by status over every session of an intervention. */
export async function interventionAttendanceCounts(
  tx: Tx,
  tenantId: string,
  interventionId: string,
): Promise<AttendanceCounts> {
  const rows = await tx
    .select({ status: sessionAttendance.status, n: sql<number>`count(*)::int` })
    .from(sessionAttendance)
    .innerJoin(
      interventionSessions,
      tenantJoin(interventionSessions.id, sessionAttendance.sessionId),
    )
    .where(
      and(
        eq(sessionAttendance.tenantId, tenantId),
        eq(interventionSessions.interventionId, interventionId),
      ),
    )
    .groupBy(sessionAttendance.status);
  const counts: AttendanceCounts = { present: 0, absent: 0, tardy: 0, excused: 0 };
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

export async function nextSessionSequence(
  tx: Tx,
  tenantId: string,
  interventionId: string,
): Promise<number> {
  const [row] = await tx
    .select({ last: sql<number>`coalesce(max(${interventionSessions.sequence}), 0)::int` })
    .from(interventionSessions)
    .where(
      and(
        eq(interventionSessions.tenantId, tenantId),
        eq(interventionSessions.interventionId, interventionId),
      ),
    );
  return (row?.last ?? 0) + 1;
}

/** Active groups the actor created or facilitates: whose follow-ups land on their dashboard. */
export async function activeInterventionsOf(
  tx: Tx,
  tenantId: string,
  actor: { userId: string; staffId: string | null },
) {
  const facilitates = actor.staffId
    ? sql<boolean>`exists (select 1 from ${interventionFacilitators} f
        where f.tenant_id = ${qualified(interventions.tenantId)} and f.intervention_id = ${qualified(interventions.id)}
          and f.staff_id = ${actor.staffId})`
    : sql<boolean>`false`;
  return tx
    .select({ id: interventions.id, name: interventions.name })
    .from(interventions)
    .where(
      and(
        eq(interventions.tenantId, tenantId),
        eq(interventions.status, "active"),
        or(eq(interventions.createdBy, actor.userId), facilitates),
      ),
    )
    .orderBy(asc(interventions.name));
}

export async function studentNames(tx: Tx, tenantId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, { firstName: string; lastName: string }>();
  const rows = await tx
    .select({ id: students.id, firstName: students.firstName, lastName: students.lastName })
    .from(students)
    .where(and(eq(students.tenantId, tenantId), inArray(students.id, ids)));
  return new Map(rows.map((r) => [r.id, { firstName: r.firstName, lastName: r.lastName }]));
}
