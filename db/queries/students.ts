import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { AttendanceCounts } from "@/lib/domain/attendance";
import type { Tx } from "../client";
import {
  interventionEnrollments,
  interventionFacilitators,
  interventions,
  schools,
  sectionStudents,
  sections,
  sessionAttendance,
  staff,
  students,
} from "../schema";
import { scheduleColumns } from "./interventions/schedule-columns";
import { attendanceMarkCounts } from "./sessions/attendance-history";
import { tenantJoin } from "./tenant-join";

/** Who a student is and where: how the student page and the compliance record begin (joins `schools`). */
export const studentWithSchoolColumns = {
  id: students.id,
  firstName: students.firstName,
  lastName: students.lastName,
  localId: students.localId,
  grade: students.grade,
  currentTier: students.currentTier,
  active: students.active,
  schoolName: schools.name,
};

/** A student as a list or a picker shows them; joins `schools`. */
/** A student as a page names them: their name, grade and current tier. */
export const studentNameColumns = {
  id: students.id,
  firstName: students.firstName,
  lastName: students.lastName,
  grade: students.grade,
  currentTier: students.currentTier,
};

export const studentListColumns = { ...studentNameColumns, schoolName: schools.name };

/** One student with their school, whatever their status (the page shows inactive ones too). */
export async function studentWithSchool(tx: Tx, tenantId: string, studentId: string) {
  const [row] = await tx
    .select(studentWithSchoolColumns)
    .from(students)
    .innerJoin(schools, tenantJoin(schools.id, students.schoolId))
    .where(and(eq(students.tenantId, tenantId), eq(students.id, studentId)));
  return row ?? null;
}

const facilitatorNames = sql<
  string[]
>`coalesce((select array_agg(f_staff.display_name order by f_staff.last_name)
  from ${interventionFacilitators} f
  join ${staff} f_staff on f_staff.tenant_id = f.tenant_id and f_staff.id = f.staff_id
  where f.tenant_id = ${interventions.tenantId} and f.intervention_id = ${interventions.id}), '{}')`;

/** Every enrollment of these students with its intervention, newest first. */
export async function enrollmentsWithSchedule(
  tx: Tx,
  tenantId: string,
  studentIds: readonly string[],
) {
  if (studentIds.length === 0) return [];
  return tx
    .select({
      enrollmentId: interventionEnrollments.id,
      studentId: interventionEnrollments.studentId,
      enrollmentDate: interventionEnrollments.enrollmentDate,
      exitDate: interventionEnrollments.exitDate,
      exitReason: interventionEnrollments.exitReason,
      isActive: interventionEnrollments.isActive,
      optedOutAt: interventionEnrollments.optedOutAt,
      interventionId: interventions.id,
      name: interventions.name,
      tier: interventions.tier,
      focusArea: interventions.focusArea,
      goal: interventions.goal,
      status: interventions.status,
      ...scheduleColumns,
      facilitators: facilitatorNames,
    })
    .from(interventionEnrollments)
    .innerJoin(interventions, tenantJoin(interventions.id, interventionEnrollments.interventionId))
    .where(
      and(
        eq(interventionEnrollments.tenantId, tenantId),
        inArray(interventionEnrollments.studentId, [...studentIds]),
      ),
    )
    .orderBy(desc(interventionEnrollments.enrollmentDate), asc(interventions.name));
}

/** Attendance marks by student, intervention and status: "studentId/interventionId" → counts. */
export async function attendanceCountsOf(
  tx: Tx,
  tenantId: string,
  studentIds: readonly string[],
): Promise<Map<string, AttendanceCounts>> {
  if (studentIds.length === 0) return new Map();
  const rows = await attendanceMarkCounts(
    tx,
    tenantId,
    inArray(sessionAttendance.studentId, [...studentIds]),
  );
  const counts = new Map<string, AttendanceCounts>();
  for (const row of rows) {
    const key = `${row.studentId}/${row.interventionId}`;
    const entry = counts.get(key) ?? { present: 0, absent: 0, tardy: 0, excused: 0 };
    entry[row.status] += row.n;
    counts.set(key, entry);
  }
  return counts;
}

/**
 * The students on this teacher's class rosters who are in an intervention now, with the
 * sections that tie them to the teacher.
 */
export async function rosterStudentsInInterventions(tx: Tx, tenantId: string, staffId: string) {
  return tx
    .select({
      ...studentNameColumns,
      sections: sql<string[]>`array_agg(distinct ${sections.name})`,
    })
    .from(sectionStudents)
    .innerJoin(sections, tenantJoin(sections.id, sectionStudents.sectionId))
    .innerJoin(students, tenantJoin(students.id, sectionStudents.studentId))
    .where(
      and(
        eq(sectionStudents.tenantId, tenantId),
        eq(sections.teacherId, staffId),
        eq(students.active, true),
        sql`exists (select 1 from ${interventionEnrollments} e
          join ${interventions} i on i.tenant_id = e.tenant_id and i.id = e.intervention_id
          where e.tenant_id = ${students.tenantId} and e.student_id = ${students.id}
            and e.is_active and i.status in ('planned', 'active'))`,
      ),
    )
    .groupBy(
      students.id,
      students.firstName,
      students.lastName,
      students.grade,
      students.currentTier,
    )
    .orderBy(asc(students.lastName), asc(students.firstName));
}

/** Active students by id with what a picker shows (for a form prefilled from a report). */
export async function studentPickerRows(tx: Tx, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return tx
    .select(studentListColumns)
    .from(students)
    .innerJoin(schools, tenantJoin(schools.id, students.schoolId))
    .where(
      and(
        eq(students.tenantId, tenantId),
        inArray(students.id, [...ids]),
        eq(students.active, true),
      ),
    );
}
