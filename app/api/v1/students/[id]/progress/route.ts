import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/server/route";
import { resourceId } from "@/lib/server/route-input";
import { getStudentProgress } from "@/lib/use-cases/progress/get-student-progress";

/** The progress chart's data: timelines per measure, tier changes and readable notes. */
export const GET = apiRoute<{ id: string }>(async ({ ctx, params }) => {
  return NextResponse.json(await getStudentProgress(ctx, resourceId(params.id, "Student")));
});
