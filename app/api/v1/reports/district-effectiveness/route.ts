import { NextResponse } from "next/server";
import {
  districtApiQuerySchema,
  districtCsv,
  districtFileName,
} from "@/lib/domain/reports/district-effectiveness";
import { apiRoute } from "@/lib/server/route";
import { readQuery } from "@/lib/server/route-input";
import { districtEffectiveness } from "@/lib/use-cases/reports/district-effectiveness";

/** The district's data (pay rates are behind the costs): never kept by a browser or proxy cache. */
const PRIVATE = { "cache-control": "private, no-store" };

/** The district view's rows (/reports/district) as JSON, or as its CSV export with `format=csv`. */
export const GET = apiRoute(async ({ ctx, request }) => {
  const { format, ...query } = readQuery(request, districtApiQuerySchema);
  const view = await districtEffectiveness(ctx, query, format);
  if (format === "csv") {
    return new Response(districtCsv(view.rows), {
      headers: {
        ...PRIVATE,
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${districtFileName(view.today)}"`,
      },
    });
  }
  return NextResponse.json(view, { headers: PRIVATE });
});
