import { and, asc, desc, eq, inArray, or, sql } from "drizzle-orm";
import { SCREENING_WINDOWS, type ScreeningWindow } from "@/lib/domain/screening";
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

/**
 * The school years and windows that have results for an assessment, latest first (the latest
 * year, in it spring, winter, fall). Found by walking down the results' window index, one probe
 * per year and window found (each step the next lower pair), not by reading the results: at
 * 500,000 students reading them took 75 ms a report (docs/benchmarks-x10.md). The row
 * comparison is what keeps each step on the index; a probe per window by name was planned as
 * a scan of the results.
 */
export async function resultWindowsOf(
  tx: Tx,
  tenantId: string,
  assessmentId: string,
): Promise<{ schoolYear: string; window: ScreeningWindow }[]> {
  const ofAssessment = sql`r.tenant_id = ${tenantId} and r.assessment_id = ${assessmentId}`;
  const rows = await tx.execute<{ school_year: string; window: ScreeningWindow }>(sql`
    with recursive found(school_year, "window") as (
      (select r.school_year, r."window" from ${assessmentResults} r where ${ofAssessment}
        order by r.school_year desc, r."window" desc limit 1)
      union all
      select lower_pair.* from found f cross join lateral (
        select r.school_year, r."window" from ${assessmentResults} r
        where ${ofAssessment} and (r.school_year, r."window") < (f.school_year, f."window")
        order by r.school_year desc, r."window" desc limit 1) lower_pair
    )
    select school_year, "window" from found`);
  const rank = (w: ScreeningWindow) => SCREENING_WINDOWS.indexOf(w);
  return [...rows]
    .map((row) => ({ schoolYear: row.school_year, window: row.window }))
    .sort((a, b) => b.schoolYear.localeCompare(a.schoolYear) || rank(b.window) - rank(a.window));
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
