import "server-only";
import { referralPacketQuerySchema } from "@/lib/domain/decisions/evaluation-requests";
import { parseInput } from "@/lib/domain/errors/from-zod";
import { PDF_CONTENT_TYPE, renderReferralPacketPdf } from "@/lib/integrations/pdf/render";
import type { UseCaseContext } from "@/lib/use-cases/context";
import { getReferralPacket } from "@/lib/use-cases/referrals/get-referral-packet";

/**
 * The referral packet as a PDF response, for the API and the student page's link alike: the
 * use-case authorizes and logs the disclosure, then the packet is rendered (decision 0016).
 */
export async function referralPacketPdfResponse(
  ctx: UseCaseContext,
  studentId: string,
  searchParams: URLSearchParams,
): Promise<Response> {
  const query = parseInput(referralPacketQuerySchema, Object.fromEntries(searchParams));
  const { filename, packet } = await getReferralPacket(ctx, studentId, {
    format: "pdf",
    recipient: query.disclosedTo,
  });
  const pdf = await renderReferralPacketPdf(packet);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": PDF_CONTENT_TYPE,
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}
