import { and, asc, eq, inArray, lt, type SQL, sql } from "drizzle-orm";
import type { AtRiskCandidate, CurrentIntervention } from "@/lib/domain/reports/at-risk";
import type { ScreeningWindow } from "@/lib/domain/screening";
import type { Tx } from "../client";
import {
  assessmentResults,
  interventionEnrollments,
  interventions,
  schools,
  sectionStudents,
  sections,
  staff,
  students,
} from "../schema";
import { tenantJoin } from "./tenant-join";

/** The student's active enrollments in groups that are planned or running, as JSON. */
const currentInterventions = sql<CurrentIntervention[]>`coalesce((
  select json_agg(json_build_object('id', i.id, 'name', i.intervention_name, 'tier', i.tier_level)
                  order by i.tier_level desc, i.intervention_name)
  from ${interventionEnrollments} e
  join ${interventions} i on i.tenant_id = e.tenant_id and i.id = e.intervention_id
  where e.tenant_id = ${students.tenantId} and e.student_id = ${students.id}
    and e.is_active and i.status in ('planned', 'active')), '[]'::json)`;

/** Display names of the teachers whose class rosters the student is on. */
const teacherNames = sql<string[]>`coalesce((
  select array_agg(distinct t.display_name order by t.display_name)
  from ${sectionStudents} ss
  join ${sections} s on s.tenant_id = ss.tenant_id and s.id = ss.section_id
  join ${staff} t on t.tenant_id = s.tenant_id and t.id = s.teacher_id
  where ss.tenant_id = ${students.tenantId} and ss.student_id = ${students.id}), '{}')`;

export interface AtRiskFilter {
  assessmentId: string;
  window: ScreeningWindow;
  schoolYear: string;
  schoolId?: string;
  grade?: number;
  teacherId?: string;
  /** Nobody at or above this score can be at risk: the highest Tier 1 cut that could apply. */
  below: number;
}

/**
 * Active students with a result for the assessment and window below `below`; the per-grade
 * cut is applied by the domain afterwards. Filters by school, grade and teacher (roster).
 */
export async function atRiskCandidates(
  tx: Tx,
  tenantId: string,
  filter: AtRiskFilter,
): Promise<AtRiskCandidate[]> {
  const conditions: SQL[] = [
    eq(assessmentResults.tenantId, tenantId),
    eq(assessmentResults.assessmentId, filter.assessmentId),
    eq(assessmentResults.window, filter.window),
    eq(assessmentResults.schoolYear, filter.schoolYear),
    lt(assessmentResults.score, filter.below),
    eq(students.active, true),
  ];
  if (filter.schoolId) conditions.push(eq(students.schoolId, filter.schoolId));
  if (filter.grade !== undefined) conditions.push(eq(students.grade, filter.grade));
  if (filter.teacherId) {
    conditions.push(
      inArray(
        students.id,
        tx
          .select({ id: sectionStudents.studentId })
          .from(sectionStudents)
          .innerJoin(sections, tenantJoin(sections.id, sectionStudents.sectionId))
          .where(and(eq(sections.tenantId, tenantId), eq(sections.teacherId, filter.teacherId))),
      ),
    );
  }
  const rows = await tx
    .select({
      studentId: students.id,
      firstName: students.firstName,
      lastName: students.lastName,
      localId: students.localId,
      grade: students.grade,
      schoolId: students.schoolId,
      schoolName: schools.name,
      currentTier: students.currentTier,
      score: assessmentResults.score,
      percentile: assessmentResults.percentile,
      administeredOn: assessmentResults.administeredOn,
      interventions: currentInterventions,
      teachers: teacherNames,
    })
    .from(assessmentResults)
    .innerJoin(students, tenantJoin(students.id, assessmentResults.studentId))
    .innerJoin(schools, tenantJoin(schools.id, students.schoolId))
    .where(and(...conditions));
  return rows;
}

/** Schools of the district, for the report's filter. */
export async function schoolsOfDistrict(tx: Tx, tenantId: string) {
  return tx
    .select({
      id: schools.id,
      name: schools.name,
      lowestGrade: schools.lowestGrade,
      highestGrade: schools.highestGrade,
    })
    .from(schools)
    .where(eq(schools.tenantId, tenantId))
    .orderBy(asc(schools.name));
}

/** Staff who teach a class section, for the report's teacher filter. */
export async function teachersOfDistrict(tx: Tx, tenantId: string) {
  return tx
    .selectDistinct({ id: staff.id, displayName: staff.displayName, lastName: staff.lastName })
    .from(staff)
    .innerJoin(sections, tenantJoin(sections.teacherId, staff.id))
    .where(and(eq(staff.tenantId, tenantId), eq(staff.active, true)))
    .orderBy(asc(staff.lastName), asc(staff.displayName));
}
