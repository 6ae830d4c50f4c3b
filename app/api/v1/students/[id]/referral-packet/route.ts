import { referralPacketPdfResponse } from "@/lib/server/referral-packet";
import { apiRoute } from "@/lib/server/route";
import { resourceId } from "@/lib/server/route-input";

/** The special-education referral packet as `application/pdf`; a disclosure-logged read. */
export const GET = apiRoute<{ id: string }>(async ({ ctx, params, request }) =>
  referralPacketPdfResponse(ctx, resourceId(params.id, "Student"), request.nextUrl.searchParams),
);
