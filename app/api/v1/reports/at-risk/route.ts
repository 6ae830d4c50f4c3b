import { NextResponse } from "next/server";
import { atRiskApiQuerySchema, atRiskCsv, atRiskFileName } from "@/lib/domain/reports/at-risk";
import { apiRoute, readQuery } from "@/lib/server/route";
import { atRiskReport } from "@/lib/use-cases/reports/at-risk-report";
import { exportAtRiskReport } from "@/lib/use-cases/reports/export-at-risk-report";

/** Children's screening data: never kept by a browser or proxy cache. */
const PRIVATE = { "cache-control": "private, no-store" };

export const GET = apiRoute(async ({ ctx, request }) => {
  const { format, ...query } = readQuery(request, atRiskApiQuerySchema);
  if (format === "csv") {
    // A file of named children leaves the app: logged as a disclosure, not only a read.
    const report = await exportAtRiskReport(ctx, query);
    return new Response(atRiskCsv(report.rows), {
      headers: {
        ...PRIVATE,
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${atRiskFileName(report)}"`,
      },
    });
  }
  const { rows, ...rest } = await atRiskReport(ctx, query);
  return NextResponse.json({ ...rest, count: rows.length, students: rows }, { headers: PRIVATE });
});
