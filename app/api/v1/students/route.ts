import { NextResponse } from "next/server";
import { peopleQuerySchema } from "@/lib/domain/interventions/schemas";
import { apiRoute } from "@/lib/server/route";
import { readQuery } from "@/lib/server/route-input";
import { searchStudents } from "@/lib/use-cases/people/search-students";

export const GET = apiRoute(async ({ ctx, request }) => {
  const query = readQuery(request, peopleQuerySchema);
  const items = await searchStudents(ctx, query);
  return NextResponse.json({ items, limit: query.limit, offset: query.offset });
});
