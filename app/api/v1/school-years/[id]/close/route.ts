import { NextResponse } from "next/server";
import { closeSchoolYearSchema } from "@/lib/domain/calendar/school-years";
import { apiRoute } from "@/lib/server/route";
import { readJson, resourceId } from "@/lib/server/route-input";
import { closeSchoolYear } from "@/lib/use-cases/school-years/close-school-year";

/** The year-end rollover: each late group continues or ends, tiers carry over, the year closes. */
export const POST = apiRoute<{ id: string }>(async ({ ctx, params, request }) => {
  const id = resourceId(params.id, "School year");
  return NextResponse.json(
    await closeSchoolYear(ctx, id, await readJson(request, closeSchoolYearSchema)),
  );
});
