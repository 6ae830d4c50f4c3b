import { NextResponse } from "next/server";
import { scheduleCheckRequestSchema } from "@/lib/domain/interventions/schemas";
import { apiRoute } from "@/lib/server/route";
import { readJson } from "@/lib/server/route-input";
import { checkSchedule } from "@/lib/use-cases/scheduling/check-schedule";

/** The conflicts a plan would meet, and alternatives; writes nothing. */
export const POST = apiRoute(async ({ ctx, request }) => {
  const input = await readJson(request, scheduleCheckRequestSchema);
  return NextResponse.json(await checkSchedule(ctx, input));
});
