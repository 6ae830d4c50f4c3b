import { and, asc, desc, eq, inArray, or, sql } from "drizzle-orm";
import type { ScreeningWindow } from "@/lib/domain/screening";
import type { Tx } from "../client";
import { assessmentResults, assessments, students } from "../schema";
import { returnedRow } from "./returned-row";
import { tenantJoin } from "./tenant-join";

export type AssessmentRow = typeof assessments.$inferSelect;

export async function listAssessments(tx: Tx, tenantId: string): Promise<AssessmentRow[]> {
  return tx
    .select()
    .from(assessments)
    .where(eq(assessments.tenantId, tenantId))
    .orderBy(asc(assessments.subject), asc(assessments.name));
}

export async function assessmentById(
  tx: Tx,
  tenantId: string,
  id: string,
): Promise<AssessmentRow | null> {
  const [row] = await tx
    .select()
    .from(assessments)
    .where(and(eq(assessments.tenantId, tenantId), eq(assessments.id, id)));
  return row ?? null;
}

export async function insertAssessment(
  tx: Tx,
  values: Omit<typeof assessments.$inferInsert, "id" | "createdAt">,
): Promise<AssessmentRow> {
  return returnedRow(await tx.insert(assessments).values(values).returning());
}

export async function updateAssessment(
  tx: Tx,
  tenantId: string,
  id: string,
  values: Pick<AssessmentRow, "name" | "subject" | "scaleMin" | "scaleMax" | "cutScores">,
): Promise<AssessmentRow | null> {
  const [row] = await tx
    .update(assessments)
    .set(values)
    .where(and(eq(assessments.tenantId, tenantId), eq(assessments.id, id)))
    .returning();
  return row ?? null;
}

/**
 * Active students by the keys a results file may use: the district's student number or the
 * roster's sourcedId. Returns key → student id (and grade).
 */
export async function studentsByKeys(
  tx: Tx,
  tenantId: string,
  keys: readonly string[],
): Promise<Map<string, { id: string; grade: number }>> {
  if (keys.length === 0) return new Map();
  const list = [...keys];
  const rows = await tx
    .select({
      id: students.id,
      localId: students.localId,
      sourceId: students.sourceId,
      grade: students.grade,
    })
    .from(students)
    .where(
      and(
        eq(students.tenantId, tenantId),
        eq(students.active, true),
        or(inArray(students.localId, list), inArray(students.sourceId, list)),
      ),
    );
  const found = new Map<string, { id: string; grade: number }>();
  for (const row of rows) {
    if (row.sourceId) found.set(row.sourceId, { id: row.id, grade: row.grade });
  }
  // The student number wins over a sourcedId that happens to look the same.
  for (const row of rows) found.set(row.localId, { id: row.id, grade: row.grade });
  return found;
}

export interface ResultValues {
  assessmentId: string;
  studentId: string;
  schoolYear: string;
  window: ScreeningWindow;
  administeredOn: string;
  score: number;
  percentile: number | null;
}

/** What makes a result one: a student's score on an assessment in one window of a school year. */
export const assessmentResultKey = [
  assessmentResults.tenantId,
  assessmentResults.assessmentId,
  assessmentResults.studentId,
  assessmentResults.schoolYear,
  assessmentResults.window,
];

/**
 * One result per student, assessment, school year and window: a new score for the same
 * window replaces the old one; the same score again writes nothing.
 */
export async function upsertResults(
  tx: Tx,
  tenantId: string,
  rows: readonly ResultValues[],
): Promise<{ id: string; inserted: boolean }[]> {
  if (rows.length === 0) return [];
  return tx
    .insert(assessmentResults)
    .values(rows.map((r) => ({ tenantId, ...r })))
    .onConflictDoUpdate({
      target: assessmentResultKey,
      set: {
        administeredOn: sql`excluded.administered_on`,
        score: sql`excluded.score`,
        percentile: sql`excluded.percentile`,
      },
      setWhere: sql`(${assessmentResults.administeredOn}, ${assessmentResults.score}, ${assessmentResults.percentile})
        is distinct from (excluded.administered_on, excluded.score, excluded.percentile)`,
    })
    .returning({ id: assessmentResults.id, inserted: sql<boolean>`(xmax = 0)` });
}

/** The school years that have results for an assessment and window, latest first. */
export async function schoolYearsWithResults(
  tx: Tx,
  tenantId: string,
  assessmentId: string,
  window: ScreeningWindow,
): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ schoolYear: assessmentResults.schoolYear })
    .from(assessmentResults)
    .where(
      and(
        eq(assessmentResults.tenantId, tenantId),
        eq(assessmentResults.assessmentId, assessmentId),
        eq(assessmentResults.window, window),
      ),
    )
    .orderBy(desc(assessmentResults.schoolYear));
  return rows.map((r) => r.schoolYear);
}

/** A student's results, latest first, with the assessment they belong to. */
export async function resultsOfStudent(tx: Tx, tenantId: string, studentId: string) {
  return tx
    .select({
      id: assessmentResults.id,
      assessmentId: assessments.id,
      assessmentName: assessments.name,
      subject: assessments.subject,
      cutScores: assessments.cutScores,
      schoolYear: assessmentResults.schoolYear,
      window: assessmentResults.window,
      administeredOn: assessmentResults.administeredOn,
      score: assessmentResults.score,
      percentile: assessmentResults.percentile,
    })
    .from(assessmentResults)
    .innerJoin(assessments, tenantJoin(assessments.id, assessmentResults.assessmentId))
    .where(
      and(eq(assessmentResults.tenantId, tenantId), eq(assessmentResults.studentId, studentId)),
    )
    .orderBy(desc(assessmentResults.administeredOn), asc(assessments.name));
}
