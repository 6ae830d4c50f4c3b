import { recordDisclosure, recordRead } from "@/db/queries/audit";
import { withTenant } from "@/db/with-tenant";
import type { AtRiskQuery } from "@/lib/domain/reports/at-risk";
import { assertWorksWithScreening } from "../access";
import type { UseCaseContext } from "../context";
import { type AtRiskReport, atRiskReadTarget, readAtRiskReport } from "./at-risk-report";

/** Why an at-risk CSV leaves the app, as the disclosure record says it. */
const AT_RISK_EXPORT_PURPOSE = "At-risk screening report, downloaded as CSV";

/**
 * The at-risk report for its CSV: a file of named children's scores leaves the app, so besides
 * the read it leaves a disclosure record (FERPA 99.32, like the compliance export): one for the
 * file, naming the students in it, the person who downloaded it as its recipient. All in the
 * transaction that reads the report.
 */
export async function exportAtRiskReport(
  ctx: UseCaseContext,
  query: AtRiskQuery,
): Promise<AtRiskReport> {
  assertWorksWithScreening(ctx.actor);
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const report = await readAtRiskReport(tx, ctx, query);
    const read = atRiskReadTarget(report, "csv");
    await recordDisclosure(tx, ctx.actor, ctx.requestId, {
      studentId: read.studentId ?? null,
      disclosedTo: `${ctx.actor.name} <${ctx.actor.email}>`,
      purpose: AT_RISK_EXPORT_PURPOSE,
      details: { kind: "at-risk-export", ...read.details },
    });
    await recordRead(tx, ctx.actor, ctx.requestId, read);
    return report;
  });
}
