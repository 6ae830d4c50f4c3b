import { NextResponse } from "next/server";
import { exitReviewQuerySchema } from "@/lib/domain/exit";
import { apiRoute } from "@/lib/server/route";
import { readQuery } from "@/lib/server/route-input";
import { listExitReviews } from "@/lib/use-cases/exits/list-exit-reviews";

/** Exit reviews by status, each with its report (Scenario 11). */
export const GET = apiRoute(async ({ ctx, request }) => {
  return NextResponse.json(await listExitReviews(ctx, readQuery(request, exitReviewQuerySchema)));
});
