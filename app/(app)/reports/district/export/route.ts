import {
  districtCsv,
  districtFileName,
  districtQuerySchema,
} from "@/lib/domain/reports/district-effectiveness";
import { apiRoute } from "@/lib/server/route";
import { readQuery } from "@/lib/server/route-input";
import { districtEffectiveness } from "@/lib/use-cases/reports/district-effectiveness";

/**
 * The district view's "Export CSV": the rows the page shows, with the same narrowing and order.
 * Group-level aggregates only (lib/domain/reports/district-effectiveness.ts → districtCsv says
 * why no disclosure is recorded); still the district's data, so never cached.
 */
export const GET = apiRoute(async ({ ctx, request }) => {
  const view = await districtEffectiveness(ctx, readQuery(request, districtQuerySchema), "csv");
  return new Response(districtCsv(view.rows), {
    headers: {
      "cache-control": "private, no-store",
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${districtFileName(view.today)}"`,
    },
  });
});
