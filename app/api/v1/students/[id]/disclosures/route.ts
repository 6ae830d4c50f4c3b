import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/server/route";
import { resourceId } from "@/lib/server/route-input";
import { listDisclosures } from "@/lib/use-cases/families/list-disclosures";

/** A student's disclosure log (FERPA 99.32), for the student's guardians and team. */
export const GET = apiRoute<{ id: string }>(async ({ ctx, params }) => {
  const { items } = await listDisclosures(ctx, resourceId(params.id, "Student"));
  return NextResponse.json({ items });
});
