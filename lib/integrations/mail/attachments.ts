import type { Tx } from "@/db/client";
import { summaryOfLetter } from "@/db/queries/families/summaries";
import { PROGRESS_SUMMARY_KIND, type SummaryContent } from "@/lib/domain/families/progress-summary";
import type { MailAttachment } from "@/lib/use-cases/communications/deliver-due-mail";
import { PDF_CONTENT_TYPE, renderProgressSummaryPdf } from "../pdf/render";

/**
 * The files a message to a family carries: a progress summary goes with its PDF (issue 13,
 * point 1), drawn from the summary as it was written. Other letters carry none.
 */
export async function attachmentsOf(
  tx: Tx,
  tenantId: string,
  message: { id: string; kind: string },
): Promise<MailAttachment[]> {
  if (message.kind !== PROGRESS_SUMMARY_KIND) return [];
  const summary = await summaryOfLetter(tx, tenantId, message.id, null);
  if (!summary) return [];
  const content = summary.content as SummaryContent;
  return [
    {
      filename: `progress-summary-${content.studentFirstName}.pdf`.toLowerCase(),
      contentType: PDF_CONTENT_TYPE,
      content: await renderProgressSummaryPdf(content),
    },
  ];
}
