import { NextResponse } from "next/server";
import { enrollStudentsSchema } from "@/lib/domain/interventions/schemas";
import { apiRoute } from "@/lib/server/route";
import { readJson, resourceId } from "@/lib/server/route-input";
import { enrollStudents } from "@/lib/use-cases/interventions/enroll-students";

export const POST = apiRoute<{ id: string }>(async ({ ctx, params, request }) => {
  const id = resourceId(params.id, "Intervention");
  const result = await enrollStudents(ctx, id, await readJson(request, enrollStudentsSchema));
  return NextResponse.json(result, { status: 201 });
});
