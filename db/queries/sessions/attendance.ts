import { and, asc, eq, sql } from "drizzle-orm";
import type { AttendanceStatus } from "@/lib/domain/attendance";
import type { Tx } from "../../client";
import {
  interventionEnrollments,
  probeScores,
  sessionAttendance,
  students,
  users,
} from "../../schema";
import { tenantJoin } from "../tenant-join";
import type { SessionRow } from "./schedule";

/** One session's attendance: who is on its roster, the marks and probe scores, and saving them. */

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
