import { renderToBuffer } from "@react-pdf/renderer";
import type { SummaryContent } from "@/lib/domain/families/progress-summary";
import type { ReferralPacketView } from "@/lib/domain/referrals/packet";
import { ProgressSummaryDocument } from "./progress-summary-document";
import { ReferralPacketDocument } from "./referral-packet-document";
import { withStandardFontText } from "./standard-font-text";

export const PDF_CONTENT_TYPE = "application/pdf";

/** The referral packet as PDF bytes (rendered in the request; nothing leaves the server). */
export async function renderReferralPacketPdf(packet: ReferralPacketView): Promise<Buffer> {
  return renderToBuffer(<ReferralPacketDocument packet={withStandardFontText(packet)} />);
}

/** A family's progress summary as PDF bytes: the e-mail's attachment and the portal's download. */
export async function renderProgressSummaryPdf(content: SummaryContent): Promise<Buffer> {
  return renderToBuffer(<ProgressSummaryDocument content={withStandardFontText(content)} />);
}
