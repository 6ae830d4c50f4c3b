import { and, asc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { AttendanceCounts, AttendanceStatus } from "@/lib/domain/attendance";
import type { Tx } from "../../client";
import {
  interventionFacilitators,
  interventionSessions,
  interventions,
  sessionAttendance,
  students,
} from "../../schema";
import { qualified } from "../qualified";
import { tenantJoin } from "../tenant-join";

/**
 * Attendance across sessions: the histories the follow-up flags read, a group's totals, and the
 * follow-up list's groups and names.
 */

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
  // The marks are read session by session through the one-mark index (tenant, session,
  // student); "offset 0" keeps the planner from flattening that into a plain join, which reads
  // all of the district's marks (a million at district scale, about 250 ms) to keep these
  // groups' few thousand sessions' (docs/benchmarks.md), as attendanceCountsOf does with its
  // aggregate (db/queries/effectiveness-inputs.ts). Only held sessions are looked in: marks
  // exist on no other (recording attendance marks the session held, and a held session is
  // neither cancelled nor moved), and a group's sessions still to come are often half of them.
  const rows = await tx.execute<{
    intervention_id: string;
    student_id: string;
    status: AttendanceStatus;
  }>(sql`
    with marks as (
      select s.intervention_id, m.student_id, m.attendance_status, s.starts_at, s.sequence,
             count(*) filter (where m.attendance_status = 'absent')
               over (partition by s.intervention_id, m.student_id) as absences
      from ${interventionSessions} s
      cross join lateral (
        select a.student_id, a.attendance_status
        from ${sessionAttendance} a
        where a.tenant_id = s.tenant_id and a.session_id = s.id ${studentFilter}
        offset 0
      ) m
      where s.tenant_id = ${tenantId} and s.intervention_id in (${interventionList})
        and s.status = 'held'
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

/**
 * Marks by student, intervention and status, of the marks `which` picks (a condition on
 * `sessionAttendance` or `interventionSessions`): what every attendance count here and in
 * db/queries/students.ts and db/queries/effectiveness-inputs.ts adds up. Held sessions only, as
 * every count does: a session cancelled after it was taken no longer counts (docs/domain.md).
 */
export async function attendanceMarkCounts(tx: Tx, tenantId: string, which: SQL | undefined) {
  return tx
    .select({
      studentId: sessionAttendance.studentId,
      interventionId: interventionSessions.interventionId,
      status: sessionAttendance.status,
      n: sql<number>`count(*)::int`,
    })
    .from(sessionAttendance)
    .innerJoin(
      interventionSessions,
      tenantJoin(interventionSessions.id, sessionAttendance.sessionId),
    )
    .where(
      and(eq(sessionAttendance.tenantId, tenantId), eq(interventionSessions.status, "held"), which),
    )
    .groupBy(
      sessionAttendance.studentId,
      interventionSessions.interventionId,
      sessionAttendance.status,
    );
}

/** Marks by status over every session of an intervention. */
export async function interventionAttendanceCounts(
  tx: Tx,
  tenantId: string,
  interventionId: string,
): Promise<AttendanceCounts> {
  const rows = await attendanceMarkCounts(
    tx,
    tenantId,
    eq(interventionSessions.interventionId, interventionId),
  );
  const counts: AttendanceCounts = { present: 0, absent: 0, tardy: 0, excused: 0 };
  for (const row of rows) counts[row.status] += row.n;
  return counts;
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
