import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/server/route";
import { listAssessments } from "@/lib/use-cases/assessments/list-assessments";

/** The district's screening catalogue: where an integration finds the ids the at-risk report takes. */
export const GET = apiRoute(async ({ ctx }) =>
  NextResponse.json({ items: await listAssessments(ctx) }),
);
