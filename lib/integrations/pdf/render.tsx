import { renderToBuffer } from "@react-pdf/renderer";
import type { ReferralPacketView } from "@/lib/domain/referrals/packet";
import { ReferralPacketDocument } from "./referral-packet-document";
import { withStandardFontText } from "./standard-font-text";

export const PDF_CONTENT_TYPE = "application/pdf";

/** The referral packet as PDF bytes (rendered in the request; nothing leaves the server). */
export async function renderReferralPacketPdf(packet: ReferralPacketView): Promise<Buffer> {
  return renderToBuffer(<ReferralPacketDocument packet={withStandardFontText(packet)} />);
}
