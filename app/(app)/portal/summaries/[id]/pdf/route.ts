import { PDF_CONTENT_TYPE, renderProgressSummaryPdf } from "@/lib/integrations/pdf/render";
import { apiRoute } from "@/lib/server/route";
import { resourceId } from "@/lib/server/route-input";
import { getSummaryForPdf } from "@/lib/use-cases/families/get-summary-pdf";

/** A progress summary letter as PDF (`/portal/summaries/{letter id}/pdf`), for its family. */
export const GET = apiRoute<{ id: string }>(async ({ ctx, params }) => {
  const { content, filename } = await getSummaryForPdf(
    ctx,
    resourceId(params.id, "Progress summary"),
  );
  const pdf = await renderProgressSummaryPdf(content);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": PDF_CONTENT_TYPE,
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
});
