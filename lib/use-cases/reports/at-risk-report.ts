import type { Tx } from "@/db/client";
import { assessmentById, resultWindowsOf } from "@/db/queries/assessments";
import { atRiskPage, countAtRisk } from "@/db/queries/at-risk";
import { listReadTarget, recordRead } from "@/db/queries/audit";
import { districtOf } from "@/db/queries/districts";
import { withTenant } from "@/db/with-tenant";
import { todayIn } from "@/lib/domain/calendar/dates";
import { NotFoundError } from "@/lib/domain/errors";
import { catalogueOf } from "@/lib/domain/reports/assessment-catalogue";
import {
  AT_RISK_PAGE_SIZE,
  type AtRiskQuery,
  type AtRiskRow,
  atRiskCuts,
  atRiskPageCount,
} from "@/lib/domain/reports/at-risk";
import { schoolYearOf } from "@/lib/domain/reports/school-year";
import type { ScreeningWindow } from "@/lib/domain/screening";
import { assertWorksWithScreening } from "../access";
import type { UseCaseContext } from "../context";

/** What the report is about: the assessment, window and year it shows. */
export interface AtRiskReportHead {
  assessment: { id: string; name: string; subject: string };
  window: ScreeningWindow;
  schoolYear: string;
  /** Years with results for this assessment and window, latest first. */
  schoolYears: string[];
}

export interface AtRiskReport extends AtRiskReportHead {
  /** The students of this page, in the chosen order. */
  rows: AtRiskRow[];
  /** All students below the cut for the filters, on every page. */
  total: number;
  /** The page shown (a page past the last shows the last). */
  page: number;
  pageSize: number;
}

/**
 * Scenario 2: the students below the Tier 1 cut on one assessment and window, with the tier
 * their score recommends, their current tier and interventions; filtered, sorted and paged by
 * PostgreSQL (db/queries/at-risk.ts), so a page reads its rows and a count whatever the
 * district's size. Without a window, the latest one with results; without a school year, the
 * latest with results (the current year when there are none yet). The reading is logged, one
 * row naming the students of the page shown (decision 0007); the CSV is
 * ./export-at-risk-report.ts.
 */
export async function atRiskReport(ctx: UseCaseContext, query: AtRiskQuery): Promise<AtRiskReport> {
  assertWorksWithScreening(ctx.actor);
  const { tenantId } = ctx.actor;
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const { head, filter } = await readAtRiskHead(tx, ctx, query);
    const pageOf = (page: number) =>
      atRiskPage(tx, tenantId, filter, query, {
        limit: AT_RISK_PAGE_SIZE,
        offset: (page - 1) * AT_RISK_PAGE_SIZE,
      });
    let page = query.page;
    let { rows, total } = await pageOf(page);
    if (total === null) {
      // Past the last page (or nobody at all): count, then show the last page.
      total = await countAtRisk(tx, tenantId, filter);
      page = atRiskPageCount(total);
      if (total > 0) rows = (await pageOf(page)).rows;
    }
    const report = { ...head, rows, total, page, pageSize: AT_RISK_PAGE_SIZE };
    await recordRead(
      tx,
      ctx.actor,
      ctx.requestId,
      atRiskReadTarget(
        head,
        rows.map((row) => row.studentId),
        { page, total },
      ),
    );
    return report;
  });
}

/** The read-log row of a report: which list, and the students it showed. */
export function atRiskReadTarget(
  head: AtRiskReportHead,
  studentIds: readonly string[],
  details: Record<string, unknown>,
) {
  return listReadTarget("at-risk-report", studentIds, {
    assessmentId: head.assessment.id,
    window: head.window,
    schoolYear: head.schoolYear,
    ...details,
  });
}

/**
 * The report's assessment, window and year, and the filter its queries apply, in the caller's
 * transaction (the caller has checked the reader's role). Another district's assessment: 404.
 */
export async function readAtRiskHead(tx: Tx, ctx: UseCaseContext, query: AtRiskQuery) {
  const { tenantId } = ctx.actor;
  const assessment = await assessmentById(tx, tenantId, query.assessmentId);
  if (!assessment) throw new NotFoundError("Assessment");
  const withResults = await resultWindowsOf(tx, tenantId, assessment.id);
  const window = query.window ?? withResults[0]?.window ?? "fall";
  const schoolYears = withResults.filter((w) => w.window === window).map((w) => w.schoolYear);
  const district = await districtOf(tx, tenantId);
  const schoolYear =
    query.schoolYear ?? schoolYears[0] ?? schoolYearOf(todayIn(district.timeZone, ctx.now()));
  const head: AtRiskReportHead = {
    assessment: { id: assessment.id, name: assessment.name, subject: assessment.subject },
    window,
    schoolYear,
    schoolYears,
  };
  const filter = {
    assessmentId: assessment.id,
    window,
    schoolYear,
    schoolId: query.schoolId,
    grade: query.grade,
    teacherId: query.teacherId,
    cuts: atRiskCuts(catalogueOf(assessment.cutScores), window),
  };
  return { head, filter };
}
