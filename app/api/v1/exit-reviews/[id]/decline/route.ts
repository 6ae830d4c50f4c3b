import { NextResponse } from "next/server";
import { declineExitSchema } from "@/lib/domain/exit";
import { apiRoute } from "@/lib/server/route";
import { readJson, resourceId } from "@/lib/server/route-input";
import { declineExit } from "@/lib/use-cases/exits/decline-exit";

/** A specialist declines an exit with the reason; the student stays. */
export const POST = apiRoute<{ id: string }>(async ({ ctx, params, request }) => {
  const id = resourceId(params.id, "Exit review");
  return NextResponse.json(await declineExit(ctx, id, await readJson(request, declineExitSchema)));
});
