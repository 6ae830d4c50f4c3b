import { NextResponse } from "next/server";
import { recordFamilyRequestSchema } from "@/lib/domain/families/requests";
import { apiRoute } from "@/lib/server/route";
import { readJson, resourceId } from "@/lib/server/route-input";
import { listFamilyRequests } from "@/lib/use-cases/families/list-family-requests";
import { recordFamilyRequest } from "@/lib/use-cases/families/record-family-request";

/** A student's questions and amendment requests from the family, with the team's answers. */
export const GET = apiRoute<{ id: string }>(async ({ ctx, params }) => {
  const { items } = await listFamilyRequests(ctx, resourceId(params.id, "Student"));
  return NextResponse.json({ items });
});

/** A guardian asks the team a question or to amend a record. */
export const POST = apiRoute<{ id: string }>(async ({ ctx, params, request }) => {
  const studentId = resourceId(params.id, "Student");
  const input = await readJson(request, recordFamilyRequestSchema);
  return NextResponse.json(await recordFamilyRequest(ctx, studentId, input), { status: 201 });
});
