import { and, asc, eq, sql } from "drizzle-orm";
import type { Tx } from "../../client";
import { progressSummaries, reportingPeriods, schoolYears } from "../../schema";

/** The district's reporting periods with their school year, in order. */
export async function reportingPeriodsOf(tx: Tx, tenantId: string) {
  return tx
    .select({
      id: reportingPeriods.id,
      name: reportingPeriods.name,
      endsOn: reportingPeriods.endsOn,
      schoolYearId: reportingPeriods.schoolYearId,
      summariesCompletedAt: reportingPeriods.summariesCompletedAt,
      yearFirstDay: schoolYears.firstDay,
      yearLastDay: schoolYears.lastDay,
      summaries: sql<number>`(select count(*)::int from ${progressSummaries}
        where ${progressSummaries.tenantId} = ${reportingPeriods.tenantId}
          and ${progressSummaries.periodId} = ${reportingPeriods.id})`,
    })
    .from(reportingPeriods)
    .innerJoin(
      schoolYears,
      and(
        eq(schoolYears.tenantId, reportingPeriods.tenantId),
        eq(schoolYears.id, reportingPeriods.schoolYearId),
      ),
    )
    .where(eq(reportingPeriods.tenantId, tenantId))
    .orderBy(asc(reportingPeriods.endsOn));
}

export type StoredReportingPeriod = Awaited<ReturnType<typeof reportingPeriodsOf>>[number];

export async function insertReportingPeriod(
  tx: Tx,
  row: { tenantId: string; schoolYearId: string; name: string; endsOn: string },
) {
  const [inserted] = await tx.insert(reportingPeriods).values(row).returning();
  if (!inserted) throw new Error("The reporting period was not written.");
  return inserted;
}

/** A pass found every family of the period written to: later passes skip it. */
export async function markSummariesCompleted(tx: Tx, tenantId: string, id: string, at: Date) {
  await tx
    .update(reportingPeriods)
    .set({ summariesCompletedAt: at })
    .where(and(eq(reportingPeriods.tenantId, tenantId), eq(reportingPeriods.id, id)));
}

export async function deleteReportingPeriod(tx: Tx, tenantId: string, id: string) {
  await tx
    .delete(reportingPeriods)
    .where(and(eq(reportingPeriods.tenantId, tenantId), eq(reportingPeriods.id, id)));
}
