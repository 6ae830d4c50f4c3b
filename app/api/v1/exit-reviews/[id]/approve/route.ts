import { NextResponse } from "next/server";
import { approveExitSchema } from "@/lib/domain/exit";
import { apiRoute } from "@/lib/server/route";
import { resourceId } from "@/lib/server/route-input";
import { approveExit } from "@/lib/use-cases/exits/approve-exit";
import { optionalJson } from "../../optional-body";

/** A specialist approves a recommended exit: the enrollment ends, follow-ups and letters follow. */
export const POST = apiRoute<{ id: string }>(async ({ ctx, params, request }) => {
  const id = resourceId(params.id, "Exit review");
  const input = await optionalJson(request, approveExitSchema);
  return NextResponse.json(await approveExit(ctx, id, input));
});
