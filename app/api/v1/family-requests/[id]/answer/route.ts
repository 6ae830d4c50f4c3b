import { NextResponse } from "next/server";
import { answerFamilyRequestSchema } from "@/lib/domain/families/requests";
import { apiRoute } from "@/lib/server/route";
import { readJson, resourceId } from "@/lib/server/route-input";
import { answerFamilyRequest } from "@/lib/use-cases/families/answer-family-request";

/** The team answers a family's question or amendment request, once. */
export const POST = apiRoute<{ id: string }>(async ({ ctx, params, request }) => {
  const id = resourceId(params.id, "Family request");
  const input = await readJson(request, answerFamilyRequestSchema);
  return NextResponse.json(await answerFamilyRequest(ctx, id, input));
});
