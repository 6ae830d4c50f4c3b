import { NextResponse } from "next/server";
import { cancelSessionSchema } from "@/lib/domain/sessions/schemas";
import { apiRoute } from "@/lib/server/route";
import { readJson, resourceId } from "@/lib/server/route-input";
import { cancelSession } from "@/lib/use-cases/sessions/cancel-session";

export const POST = apiRoute<{ id: string }>(async ({ ctx, params, request }) => {
  const id = resourceId(params.id, "Session");
  return NextResponse.json(
    await cancelSession(ctx, id, await readJson(request, cancelSessionSchema)),
  );
});
