import { NextResponse } from "next/server";
import { apiRoute, resourceId } from "@/lib/server/route";
import { getIntervention } from "@/lib/use-cases/interventions/get-intervention";

export const GET = apiRoute<{ id: string }>(async ({ ctx, params }) => {
  const { intervention } = await getIntervention(ctx, resourceId(params.id, "Intervention"));
  return NextResponse.json(intervention, { headers: { etag: `"${intervention.version}"` } });
});
