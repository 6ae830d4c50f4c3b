import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/server/route";
import { resourceId } from "@/lib/server/route-input";
import { studentInterventionHistory } from "@/lib/use-cases/students/student-intervention-history";

export const GET = apiRoute<{ id: string }>(async ({ ctx, params }) => {
  const history = await studentInterventionHistory(ctx, resourceId(params.id, "Student"));
  return NextResponse.json(history, { headers: { "cache-control": "private, no-store" } });
});
