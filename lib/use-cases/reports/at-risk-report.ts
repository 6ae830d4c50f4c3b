import type { Tx } from "@/db/client";
import { assessmentById, schoolYearsWithResults } from "@/db/queries/assessments";
import { listReadTarget, recordRead } from "@/db/queries/audit";
import { districtOf } from "@/db/queries/districts";
import { atRiskCandidates } from "@/db/queries/reports";
import { withTenant } from "@/db/with-tenant";
import { todayIn } from "@/lib/domain/calendar/dates";
import { NotFoundError } from "@/lib/domain/errors";
import { catalogueOf, highestTier1Cut } from "@/lib/domain/reports/assessment-catalogue";
import {
  type AtRiskQuery,
  type AtRiskRow,
  atRiskRows,
  sortAtRisk,
} from "@/lib/domain/reports/at-risk";
import { schoolYearOf } from "@/lib/domain/reports/school-year";
import { SCREENING_WINDOWS, type ScreeningWindow } from "@/lib/domain/screening";
import { assertWorksWithScreening } from "../access";
import type { UseCaseContext } from "../context";

export interface AtRiskReport {
  assessment: { id: string; name: string; subject: string };
  window: ScreeningWindow;
  schoolYear: string;
  /** Years with results for this assessment and window, latest first. */
  schoolYears: string[];
  rows: AtRiskRow[];
}

/**
 * Scenario 2: the students below the Tier 1 cut on one assessment and window, with the tier
 * their score recommends, their current tier and interventions; filtered and sorted. Without
 * a window, the latest one with results; without a school year, the latest with results (the
 * current year when there are none yet). The reading is logged, one row for the list
 * (decision 0007); the CSV is ./export-at-risk-report.ts.
 */
export async function atRiskReport(ctx: UseCaseContext, query: AtRiskQuery): Promise<AtRiskReport> {
  assertWorksWithScreening(ctx.actor);
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const report = await readAtRiskReport(tx, ctx, query);
    await recordRead(tx, ctx.actor, ctx.requestId, atRiskReadTarget(report));
    return report;
  });
}

/** The read-log row of a report: which list, and the students in it. */
export function atRiskReadTarget(report: AtRiskReport, format?: "csv") {
  return listReadTarget(
    "at-risk-report",
    report.rows.map((row) => row.studentId),
    {
      assessmentId: report.assessment.id,
      window: report.window,
      schoolYear: report.schoolYear,
      ...(format ? { format } : {}),
    },
  );
}

/** The report, in the caller's transaction (the caller has checked the reader's role). */
export async function readAtRiskReport(
  tx: Tx,
  ctx: UseCaseContext,
  query: AtRiskQuery,
): Promise<AtRiskReport> {
  const { tenantId } = ctx.actor;
  const assessment = await assessmentById(tx, tenantId, query.assessmentId);
  if (!assessment) throw new NotFoundError("Assessment");
  const window = query.window ?? (await latestWindow(tx, tenantId, assessment.id));
  const schoolYears = await schoolYearsWithResults(tx, tenantId, assessment.id, window);
  const district = await districtOf(tx, tenantId);
  const schoolYear =
    query.schoolYear ?? schoolYears[0] ?? schoolYearOf(todayIn(district.timeZone, ctx.now()));
  const catalogue = catalogueOf(assessment.cutScores);
  const candidates = await atRiskCandidates(tx, tenantId, {
    assessmentId: assessment.id,
    window,
    schoolYear,
    schoolId: query.schoolId,
    grade: query.grade,
    teacherId: query.teacherId,
    below: highestTier1Cut(catalogue, window),
  });
  return {
    assessment: { id: assessment.id, name: assessment.name, subject: assessment.subject },
    window,
    schoolYear,
    schoolYears,
    rows: sortAtRisk(atRiskRows(candidates, catalogue, window), query.sort, query.direction),
  };
}

/** The most recent window (latest school year, then spring → winter → fall) with results. */
async function latestWindow(
  tx: Tx,
  tenantId: string,
  assessmentId: string,
): Promise<ScreeningWindow> {
  let best: { year: string; window: ScreeningWindow } | null = null;
  for (const window of SCREENING_WINDOWS) {
    const [year] = await schoolYearsWithResults(tx, tenantId, assessmentId, window);
    if (year && (!best || year >= best.year)) best = { year, window };
  }
  return best?.window ?? "fall";
}
