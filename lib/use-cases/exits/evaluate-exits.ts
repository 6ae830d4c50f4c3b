import type { Database, Tx } from "@/db/client";
import type { AuditEntry } from "@/db/queries/audit";
import { allDistrictIds, districtOf } from "@/db/queries/districts";
import { appendSystemAudit } from "@/db/queries/exits/endings";
import {
  type EvaluationScope,
  enrollmentsToEvaluate,
  latestBenchmarksOf,
  probesOf,
} from "@/db/queries/exits/evaluation";
import {
  insertEligibleReview,
  lastDeclinedOf,
  openReviewsOf,
  refreshReviewCriteria,
  withdrawEligibleReview,
} from "@/db/queries/exits/reviews";
import { withTenant } from "@/db/with-tenant";
import { todayIn } from "@/lib/domain/calendar/dates";
import { type ExitReport, exitReport } from "@/lib/domain/exit";
import { catalogueOf } from "@/lib/domain/reports/assessment-catalogue";
import type { ScreeningWindow } from "@/lib/domain/screening/types";

/** How many enrollments one pass reads at a time. */
const BATCH = 500;

export interface EvaluationOutcome {
  evaluated: number;
  flagged: number;
  withdrawn: number;
  /** Audit rows for the caller to append as its transaction's last write. */
  audit: AuditEntry[];
}

/**
 * The data side of the exit criteria (Scenario 11), in the caller's transaction: every active
 * enrollment of an active group in scope is measured against its group's criteria; one that
 * meets both data criteria gets an `eligible` exit review carrying the report (the facilitator
 * is asked to recommend), an eligible one whose data no longer holds is withdrawn, and a
 * recommended one is left for the specialist. Runs from the daily job and, for the students
 * concerned, in the request that records a probe score or a benchmark result.
 */
export async function evaluateExitsInTransaction(
  tx: Tx,
  tenantId: string,
  now: Date,
  scope: EvaluationScope,
): Promise<EvaluationOutcome> {
  const outcome: EvaluationOutcome = { evaluated: 0, flagged: 0, withdrawn: 0, audit: [] };
  const enrollments = await enrollmentsToEvaluate(tx, tenantId, scope);
  if (enrollments.length === 0) return outcome;
  const district = await districtOf(tx, tenantId);
  const today = todayIn(district.timeZone, now);

  for (let start = 0; start < enrollments.length; start += BATCH) {
    const batch = enrollments.slice(start, start + BATCH);
    const studentIds = batch.map((e) => e.studentId);
    const enrollmentIds = batch.map((e) => e.enrollmentId);
    const [probes, benchmarks, open, declined] = await Promise.all([
      probesOf(
        tx,
        tenantId,
        batch.map((e) => e.interventionId),
        studentIds,
      ),
      latestBenchmarksOf(tx, tenantId, studentIds),
      openReviewsOf(tx, tenantId, enrollmentIds),
      lastDeclinedOf(tx, tenantId, enrollmentIds),
    ]);
    const declinedOn = new Map(
      declined.map((d) => [
        d.enrollmentId,
        d.decidedAt ? todayIn(district.timeZone, d.decidedAt) : "",
      ]),
    );
    const probesByPair = new Map<string, { date: string; value: number }[]>();
    for (const probe of probes) {
      const key = `${probe.interventionId}/${probe.studentId}`;
      const list = probesByPair.get(key) ?? [];
      list.push({ date: probe.date, value: probe.value });
      probesByPair.set(key, list);
    }
    const benchmarkOf = new Map(benchmarks.map((b) => [b.studentId, b]));
    const openOf = new Map(open.map((r) => [r.enrollmentId, r]));

    for (const enrollment of batch) {
      outcome.evaluated += 1;
      const benchmark = benchmarkOf.get(enrollment.studentId);
      const report: ExitReport = exitReport({
        evaluatedOn: today,
        measureName: enrollment.measureName,
        direction: enrollment.direction,
        proficiencyTarget: enrollment.proficiencyTarget,
        probesNeeded: enrollment.probesNeeded,
        groupBenchmarkCut: enrollment.groupBenchmarkCut,
        probes: probesByPair.get(`${enrollment.interventionId}/${enrollment.studentId}`) ?? [],
        studentGrade: enrollment.studentGrade,
        latestBenchmark: benchmark
          ? {
              assessmentName: benchmark.assessmentName,
              administeredOn: benchmark.administeredOn,
              window: benchmark.window as ScreeningWindow,
              score: benchmark.score,
              cutScores: catalogueOf(benchmark.cutScores),
            }
          : null,
        facilitatorRecommends: false,
      });
      const review = openOf.get(enrollment.enrollmentId);
      if (
        report.dataMet &&
        !review &&
        !newerThanDecline(report, declinedOn.get(enrollment.enrollmentId))
      ) {
        // Declined, and no probe or benchmark since: the specialist's answer stands.
      } else if (report.dataMet && !review) {
        const inserted = await insertEligibleReview(tx, {
          tenantId,
          enrollmentId: enrollment.enrollmentId,
          interventionId: enrollment.interventionId,
          studentId: enrollment.studentId,
          criteria: report,
          eligibleOn: today,
          evaluatedAt: now,
        });
        if (inserted) {
          outcome.flagged += 1;
          outcome.audit.push({
            action: "exit-review.flagged",
            entityType: "exit_review",
            entityId: inserted.id,
            studentId: enrollment.studentId,
            after: { status: "eligible", enrollmentId: enrollment.enrollmentId, report },
          });
        }
      } else if (report.dataMet && review?.status === "eligible") {
        await refreshReviewCriteria(tx, tenantId, review.id, report, now);
      } else if (!report.dataMet && review?.status === "eligible") {
        await withdrawEligibleReview(tx, tenantId, review.id);
        outcome.withdrawn += 1;
        outcome.audit.push({
          action: "exit-review.withdrawn",
          entityType: "exit_review",
          entityId: review.id,
          studentId: enrollment.studentId,
          before: { status: "eligible" },
          after: { report },
          reason: "The data no longer meets the exit criteria.",
        });
      }
    }
  }
  return outcome;
}

/** Whether the report holds data newer than the day of the last decline (or there was none). */
function newerThanDecline(report: ExitReport, declinedOn: string | undefined): boolean {
  if (declinedOn === undefined) return true;
  const latest =
    [report.probes.at(-1)?.date ?? "", report.benchmark?.administeredOn ?? ""].sort().at(-1) ?? "";
  return latest > declinedOn;
}

/** The daily job's request id in the audit trail. */
export const EVALUATE_EXITS_REQUEST = "job:evaluate-exits";

/**
 * The daily pass over every district (the `evaluate-exits` job), each in its own transaction
 * with its audit rows; returns the totals.
 */
export async function evaluateExitsEverywhere(db: Database, now: Date) {
  const totals = { districts: 0, evaluated: 0, flagged: 0, withdrawn: 0 };
  for (const tenantId of await allDistrictIds(db)) {
    const outcome = await withTenant(db, { tenantId }, async (tx) => {
      const result = await evaluateExitsInTransaction(tx, tenantId, now, {});
      await appendSystemAudit(tx, tenantId, EVALUATE_EXITS_REQUEST, now, result.audit);
      return result;
    });
    totals.districts += 1;
    totals.evaluated += outcome.evaluated;
    totals.flagged += outcome.flagged;
    totals.withdrawn += outcome.withdrawn;
  }
  return totals;
}
