import { NextResponse } from "next/server";
import { peopleQuerySchema } from "@/lib/domain/interventions/schemas";
import { apiRoute } from "@/lib/server/route";
import { readQuery } from "@/lib/server/route-input";
import { searchStaff } from "@/lib/use-cases/people/search-staff";

export const GET = apiRoute(async ({ ctx, request }) => {
  const query = readQuery(request, peopleQuerySchema.pick({ q: true, limit: true, offset: true }));
  const items = await searchStaff(ctx, query);
  return NextResponse.json({ items, limit: query.limit, offset: query.offset });
});
