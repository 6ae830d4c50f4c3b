import { NextResponse } from "next/server";
import { recordEvaluationRequestSchema } from "@/lib/domain/decisions/evaluation-requests";
import { apiRoute } from "@/lib/server/route";
import { readJson, resourceId } from "@/lib/server/route-input";
import { listEvaluationRequests } from "@/lib/use-cases/referrals/list-evaluation-requests";
import { recordEvaluationRequest } from "@/lib/use-cases/referrals/record-evaluation-request";

/** A student's requests for a special-education evaluation. */
export const GET = apiRoute<{ id: string }>(async ({ ctx, params }) => {
  const items = await listEvaluationRequests(ctx, resourceId(params.id, "Student"));
  return NextResponse.json({ items });
});

/** Records a request for an evaluation; never refused because of the intervention process. */
export const POST = apiRoute<{ id: string }>(async ({ ctx, params, request }) => {
  const studentId = resourceId(params.id, "Student");
  const input = await readJson(request, recordEvaluationRequestSchema);
  return NextResponse.json(await recordEvaluationRequest(ctx, studentId, input), { status: 201 });
});
