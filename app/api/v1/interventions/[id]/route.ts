import { NextResponse } from "next/server";
import { updateInterventionSchema } from "@/lib/domain/interventions/update-schema";
import { apiRoute } from "@/lib/server/route";
import { expectedVersion, readJson, resourceId } from "@/lib/server/route-input";
import { getIntervention } from "@/lib/use-cases/interventions/get-intervention";
import { updateIntervention } from "@/lib/use-cases/interventions/update-intervention";

export const GET = apiRoute<{ id: string }>(async ({ ctx, params }) => {
  const id = resourceId(params.id, "Intervention");
  const { intervention } = await getIntervention(ctx, id, { withBudget: true });
  return NextResponse.json(intervention, { headers: { etag: `"${intervention.version}"` } });
});

/** Fields present are replaced; `If-Match` or `version` guards against lost updates (409). */
export const PUT = apiRoute<{ id: string }>(async ({ ctx, params, request }) => {
  const id = resourceId(params.id, "Intervention");
  const input = await readJson(request, updateInterventionSchema);
  const updated = await updateIntervention(ctx, id, input, expectedVersion(request, input.version));
  return NextResponse.json(updated, { headers: { etag: `"${updated.version}"` } });
});
