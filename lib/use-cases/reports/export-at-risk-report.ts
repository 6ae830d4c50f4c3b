import { atRiskStudentIds, eachAtRiskBatch } from "@/db/queries/at-risk-export";
import { recordDisclosure, recordRead } from "@/db/queries/audit";
import { withTenant } from "@/db/with-tenant";
import type { AtRiskQuery, AtRiskRow } from "@/lib/domain/reports/at-risk";
import { assertWorksWithScreening } from "../access";
import type { UseCaseContext } from "../context";
import { type AtRiskReportHead, atRiskReadTarget, readAtRiskHead } from "./at-risk-report";

/** Why an at-risk CSV leaves the app, as the disclosure record says it. */
const AT_RISK_EXPORT_PURPOSE = "At-risk screening report, downloaded as CSV";

/** Rows read from the database at a time while the file is written. */
export const AT_RISK_EXPORT_BATCH = 1000;

export interface AtRiskExport {
  head: AtRiskReportHead;
  /** How many students the disclosure names (the file holds at most these). */
  count: number;
  /**
   * Reads the file's rows in order, `AT_RISK_EXPORT_BATCH` at a time, handing each batch to
   * `take` (false stops: the download was cancelled). Only the students the disclosure named.
   */
  eachBatch: (take: (rows: AtRiskRow[]) => Promise<boolean>) => Promise<void>;
}

/**
 * The at-risk report for its CSV: a file of named children's scores leaves the app, so besides
 * the read it leaves a disclosure record (FERPA 99.32, like the compliance export) naming the
 * students in it, the person who downloaded it as its recipient. The disclosure and the read
 * commit before any row is read for the file; the rows then stream from a cursor in a
 * transaction of their own, restricted to the students named, so the file never holds anyone
 * the record does not name and Node never holds the whole list (issue 15, item 4).
 */
export async function exportAtRiskReport(
  ctx: UseCaseContext,
  query: AtRiskQuery,
): Promise<AtRiskExport> {
  assertWorksWithScreening(ctx.actor);
  const { tenantId } = ctx.actor;
  const { head, filter, studentIds } = await withTenant(ctx.db, ctx.actor, async (tx) => {
    const { head, filter } = await readAtRiskHead(tx, ctx, query);
    const studentIds = await atRiskStudentIds(tx, tenantId, filter);
    const read = atRiskReadTarget(head, studentIds, { format: "csv" });
    await recordDisclosure(tx, ctx.actor, ctx.requestId, {
      studentId: read.studentId ?? null,
      disclosedTo: `${ctx.actor.name} <${ctx.actor.email}>`,
      purpose: AT_RISK_EXPORT_PURPOSE,
      details: { kind: "at-risk-export", ...read.details },
    });
    await recordRead(tx, ctx.actor, ctx.requestId, read);
    return { head, filter, studentIds };
  });
  return {
    head,
    count: studentIds.length,
    eachBatch: (take) =>
      studentIds.length === 0
        ? Promise.resolve()
        : withTenant(ctx.db, ctx.actor, (tx) =>
            eachAtRiskBatch(
              tx,
              tenantId,
              { ...filter, onlyStudentIds: studentIds },
              query,
              AT_RISK_EXPORT_BATCH,
              take,
            ),
          ),
  };
}
