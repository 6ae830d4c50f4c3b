import { NextResponse } from "next/server";
import { atRiskApiQuerySchema, atRiskCsv, atRiskFileName } from "@/lib/domain/reports/at-risk";
import { apiRoute, readQuery } from "@/lib/server/route";
import { atRiskReport } from "@/lib/use-cases/reports/at-risk-report";

/** Children's screening data: never kept by a browser or proxy cache. */
const PRIVATE = { "cache-control": "private, no-store" };

export const GET = apiRoute(async ({ ctx, request }) => {
  const { format, ...query } = readQuery(request, atRiskApiQuerySchema);
  const report = await atRiskReport(ctx, query);
  if (format === "csv") {
    return new Response(atRiskCsv(report.rows), {
      headers: {
        ...PRIVATE,
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${atRiskFileName(report)}"`,
      },
    });
  }
  const { rows, ...rest } = report;
  return NextResponse.json({ ...rest, count: rows.length, students: rows }, { headers: PRIVATE });
});
