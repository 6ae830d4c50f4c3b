import { NextResponse } from "next/server";
import {
  utilizationApiQuerySchema,
  utilizationCsv,
  utilizationFileName,
} from "@/lib/domain/scheduling/utilization";
import { apiRoute } from "@/lib/server/route";
import { readQuery } from "@/lib/server/route-input";
import { resourceUtilization } from "@/lib/use-cases/resources/resource-utilization";

/** The district's own figures: never kept by a browser or proxy cache. */
const PRIVATE = { "cache-control": "private, no-store" };

/** JSON, or CSV with `format=csv` or `Accept: text/csv` (the page's "Export CSV" link). */
export const GET = apiRoute(async ({ ctx, request }) => {
  const { format, ...query } = readQuery(request, utilizationApiQuerySchema);
  const report = await resourceUtilization(ctx, query);
  const wantsCsv = format === "csv" || (request.headers.get("accept") ?? "").includes("text/csv");
  if (wantsCsv) {
    return new Response(utilizationCsv(report.rows), {
      headers: {
        ...PRIVATE,
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${utilizationFileName(report)}"`,
      },
    });
  }
  return NextResponse.json(report, { headers: PRIVATE });
});
