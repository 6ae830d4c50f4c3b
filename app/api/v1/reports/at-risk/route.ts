import { NextResponse } from "next/server";
import { csvLine } from "@/lib/domain/csv-export";
import {
  AT_RISK_CSV_HEADER,
  atRiskApiQuerySchema,
  atRiskCsvLines,
  atRiskFileName,
} from "@/lib/domain/reports/at-risk";
import { apiRoute } from "@/lib/server/route";
import { readQuery } from "@/lib/server/route-input";
import { atRiskReport } from "@/lib/use-cases/reports/at-risk-report";
import { exportAtRiskReport } from "@/lib/use-cases/reports/export-at-risk-report";
import { pushedStream } from "./pushed-stream";

/** Children's screening data: never kept by a browser or proxy cache. */
const PRIVATE = { "cache-control": "private, no-store" };

export const GET = apiRoute(async ({ ctx, request }) => {
  const { format, ...query } = readQuery(request, atRiskApiQuerySchema);
  if (format === "csv") {
    // A file of named children leaves the app: logged as a disclosure, not only a read, before
    // the first row is read; then the rows stream from the database in batches.
    const exported = await exportAtRiskReport(ctx, query);
    const body = pushedStream(async (push) => {
      if (!(await push(csvLine(AT_RISK_CSV_HEADER)))) return;
      await exported.eachBatch((rows) => push(atRiskCsvLines(rows)));
    });
    return new Response(body, {
      headers: {
        ...PRIVATE,
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${atRiskFileName(exported.head)}"`,
      },
    });
  }
  const { rows, total, ...rest } = await atRiskReport(ctx, query);
  return NextResponse.json({ ...rest, count: total, students: rows }, { headers: PRIVATE });
});
