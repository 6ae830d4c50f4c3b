import { referralPacketPdfResponse } from "@/lib/server/referral-packet";
import { apiRoute } from "@/lib/server/route";
import { resourceId } from "@/lib/server/route-input";

/** The student page's "Referral packet" link: the PDF, for the signed-in specialist or admin. */
export const GET = apiRoute<{ id: string }>(async ({ ctx, params, request }) =>
  referralPacketPdfResponse(ctx, resourceId(params.id, "Student"), request.nextUrl.searchParams),
);
