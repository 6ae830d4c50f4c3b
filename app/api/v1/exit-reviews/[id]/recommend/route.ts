import { NextResponse } from "next/server";
import { recommendExitSchema } from "@/lib/domain/exit";
import { apiRoute } from "@/lib/server/route";
import { resourceId } from "@/lib/server/route-input";
import { recommendExit } from "@/lib/use-cases/exits/recommend-exit";
import { optionalJson } from "../../optional-body";

/** The facilitator recommends a flagged student's exit. */
export const POST = apiRoute<{ id: string }>(async ({ ctx, params, request }) => {
  const id = resourceId(params.id, "Exit review");
  const input = await optionalJson(request, recommendExitSchema);
  return NextResponse.json(await recommendExit(ctx, id, input));
});
