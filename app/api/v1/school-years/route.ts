import { NextResponse } from "next/server";
import { newSchoolYearSchema } from "@/lib/domain/calendar/school-years";
import { apiRoute } from "@/lib/server/route";
import { readJson } from "@/lib/server/route-input";
import { addSchoolYear } from "@/lib/use-cases/school-years/add-school-year";
import { listSchoolYears } from "@/lib/use-cases/school-years/list-school-years";

export const GET = apiRoute(async ({ ctx }) => NextResponse.json(await listSchoolYears(ctx)));

export const POST = apiRoute(async ({ ctx, request }) => {
  const year = await addSchoolYear(ctx, await readJson(request, newSchoolYearSchema));
  return NextResponse.json(year, { status: 201, headers: { location: "/api/v1/school-years" } });
});
