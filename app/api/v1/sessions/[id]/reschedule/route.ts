import { NextResponse } from "next/server";
import { rescheduleSessionSchema } from "@/lib/domain/sessions/schemas";
import { apiRoute } from "@/lib/server/route";
import { readJson, resourceId } from "@/lib/server/route-input";
import { rescheduleSession } from "@/lib/use-cases/sessions/reschedule-session";

export const POST = apiRoute<{ id: string }>(async ({ ctx, params, request }) => {
  const id = resourceId(params.id, "Session");
  const input = await readJson(request, rescheduleSessionSchema);
  return NextResponse.json(await rescheduleSession(ctx, id, input));
});
