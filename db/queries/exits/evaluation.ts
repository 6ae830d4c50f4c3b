import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../client";
import {
  assessmentResults,
  assessments,
  interventionEnrollments,
  interventionSessions,
  interventions,
  probeScores,
  sessionAttendance,
  students,
} from "../../schema";
import { tenantJoin } from "../tenant-join";
import { ofGroup, ofGroups } from "../tenant-row";

/** What the exit evaluation reads: active enrollments with their group's criteria, probes, benchmarks. */

export interface EvaluationScope {
  /** One enrollment, some students' (after a probe or a benchmark), one group's, or all. */
  enrollmentId?: string;
  studentIds?: readonly string[];
  interventionId?: string;
}

/** Active enrollments of active groups, with what their group asks of an exit. */
export async function enrollmentsToEvaluate(tx: Tx, tenantId: string, scope: EvaluationScope) {
  const conditions: SQL[] = [
    eq(interventionEnrollments.tenantId, tenantId),
    eq(interventionEnrollments.isActive, true),
    eq(interventions.status, "active"),
  ];
  if (scope.enrollmentId) conditions.push(eq(interventionEnrollments.id, scope.enrollmentId));
  if (scope.studentIds) {
    if (scope.studentIds.length === 0) return [];
    conditions.push(inArray(interventionEnrollments.studentId, [...scope.studentIds]));
  }
  if (scope.interventionId)
    conditions.push(eq(interventionEnrollments.interventionId, scope.interventionId));
  return tx
    .select({
      enrollmentId: interventionEnrollments.id,
      interventionId: interventionEnrollments.interventionId,
      studentId: interventionEnrollments.studentId,
      studentGrade: students.grade,
      measureName: interventions.measureName,
      direction: interventions.measureDirection,
      proficiencyTarget: interventions.proficiencyTarget,
      probesNeeded: interventions.exitProbesNeeded,
      groupBenchmarkCut: interventions.exitBenchmarkCut,
    })
    .from(interventionEnrollments)
    .innerJoin(interventions, tenantJoin(interventions.id, interventionEnrollments.interventionId))
    .innerJoin(students, tenantJoin(students.id, interventionEnrollments.studentId))
    .where(and(...conditions))
    .orderBy(asc(interventionEnrollments.id));
}

/** Every probe of these students in these groups (the caller pairs them up). */
export async function probesOf(
  tx: Tx,
  tenantId: string,
  interventionIds: readonly string[],
  studentIds: readonly string[],
) {
  if (interventionIds.length === 0 || studentIds.length === 0) return [];
  return tx
    .select({
      interventionId: probeScores.interventionId,
      studentId: probeScores.studentId,
      date: probeScores.scoreDate,
      value: probeScores.value,
    })
    .from(probeScores)
    .where(
      and(
        ofGroups(probeScores, tenantId, new Set(interventionIds)),
        inArray(probeScores.studentId, [...new Set(studentIds)]),
      ),
    )
    .orderBy(asc(probeScores.scoreDate), asc(probeScores.createdAt));
}

/** Each student's latest benchmark result, with its assessment's name and cut scores. */
export async function latestBenchmarksOf(tx: Tx, tenantId: string, studentIds: readonly string[]) {
  if (studentIds.length === 0) return [];
  return tx
    .selectDistinctOn([assessmentResults.studentId], {
      studentId: assessmentResults.studentId,
      assessmentName: assessments.name,
      administeredOn: assessmentResults.administeredOn,
      window: assessmentResults.window,
      score: assessmentResults.score,
      cutScores: assessments.cutScores,
    })
    .from(assessmentResults)
    .innerJoin(assessments, tenantJoin(assessments.id, assessmentResults.assessmentId))
    .where(
      and(
        eq(assessmentResults.tenantId, tenantId),
        inArray(assessmentResults.studentId, [...new Set(studentIds)]),
      ),
    )
    .orderBy(
      assessmentResults.studentId,
      desc(assessmentResults.administeredOn),
      desc(assessmentResults.createdAt),
    );
}

/** The active enrollment of a student in a group (for a probe recorded in a session). */
export async function activeEnrollmentIds(
  tx: Tx,
  tenantId: string,
  interventionId: string,
  studentIds: readonly string[],
): Promise<string[]> {
  if (studentIds.length === 0) return [];
  const rows = await tx
    .select({ id: interventionEnrollments.id })
    .from(interventionEnrollments)
    .where(
      and(
        ofGroup(interventionEnrollments, tenantId, interventionId),
        inArray(interventionEnrollments.studentId, [...studentIds]),
        sql`${interventionEnrollments.isActive}`,
      ),
    );
  return rows.map((r) => r.id);
}

/** Per student: sessions of the group they were marked at, and how many they attended. */
export async function attendanceTallies(
  tx: Tx,
  tenantId: string,
  interventionId: string,
  studentIds: readonly string[],
) {
  if (studentIds.length === 0) return [];
  return tx
    .select({
      studentId: sessionAttendance.studentId,
      marked: sql<number>`count(*)::int`,
      attended: sql<number>`(count(*) filter (where ${sessionAttendance.status} in ('present', 'tardy')))::int`,
    })
    .from(sessionAttendance)
    .innerJoin(
      interventionSessions,
      tenantJoin(interventionSessions.id, sessionAttendance.sessionId),
    )
    .where(
      and(
        eq(sessionAttendance.tenantId, tenantId),
        eq(interventionSessions.interventionId, interventionId),
        eq(interventionSessions.status, "held"),
        inArray(sessionAttendance.studentId, [...studentIds]),
      ),
    )
    .groupBy(sessionAttendance.studentId);
}
