/**
 * The at-risk report's input at district scale (issue 15 point 4): a reading screening of every
 * one of the dataset's 50,000 students in this school year's fall window, a fifth of them below
 * the Tier 1 cut. Added to a dataset that lacks it (datasets built before it), once.
 */
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { withTenant } from "@/db/with-tenant";
import { schoolYearOf, schoolYearStartOf } from "@/lib/domain/reports/school-year";
import { id, SCALE, TENANT_ID } from "./dataset-shape";

export const SCREENING_ID = id("assessment", "bench-reading");
/** Scores 0–99, each as common: below 20 is Tier 2 or 3 (below 10: Tier 3). */
const CUTS = [{ tier1Min: 20, tier2Min: 10 }];

/** Adds the screening and its results unless there; returns how many results it holds. */
export async function ensureScreening(db: Database, today: string): Promise<number> {
  return withTenant(db, { tenantId: TENANT_ID }, async (tx) => {
    const [existing] = await tx.execute<{ n: number }>(
      sql`select count(*)::int as n from intervention.assessment_results
          where tenant_id = ${TENANT_ID} and assessment_id = ${SCREENING_ID}`,
    );
    if (existing && existing.n > 0) return existing.n;
    const started = performance.now();
    await tx.execute(sql`insert into intervention.assessments (tenant_id, id, name, subject, scale_min, scale_max, cut_scores)
      values (${TENANT_ID}, ${SCREENING_ID}, 'Bench Reading Screener', 'Reading', 0, 100, ${JSON.stringify(CUTS)}::jsonb)
      on conflict do nothing`);
    const students = Array.from({ length: SCALE.students }, (_, i) => id("student", i + 1));
    const administered = `${schoolYearStartOf(today)}-09-15`;
    // The students' ids go as one array literal: as a list they would be 50,000 parameters.
    await tx.execute(sql`insert into intervention.assessment_results
        (tenant_id, assessment_id, student_id, school_year, "window", administered_on, score, percentile)
      select ${TENANT_ID}, ${SCREENING_ID}, s.student_id, ${schoolYearOf(today)}, 'fall',
             ${administered}::date, (s.n * 37) % 100, (s.n * 37) % 100
      from unnest(${`{${students.join(",")}}`}::uuid[]) with ordinality as s(student_id, n)`);
    await tx.execute(sql`analyze intervention.assessment_results`);
    console.log(
      `Screening: ${students.length} results added in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return students.length;
  });
}
