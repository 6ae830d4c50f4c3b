import { NextResponse } from "next/server";
import {
  createInterventionRequestSchema,
  listInterventionsQuerySchema,
} from "@/lib/domain/interventions/schemas";
import { apiRoute } from "@/lib/server/route";
import { idempotencyKey, readJson, readQuery } from "@/lib/server/route-input";
import { createIntervention } from "@/lib/use-cases/interventions/create-intervention";
import { listInterventions } from "@/lib/use-cases/interventions/list-interventions";
import { idempotentResponse } from "../idempotent-response";

export const GET = apiRoute(async ({ ctx, request }) => {
  const page = await listInterventions(ctx, readQuery(request, listInterventionsQuerySchema));
  return NextResponse.json(page);
});

export const POST = apiRoute(async ({ ctx, request }) => {
  const key = idempotencyKey(request);
  const input = await readJson(request, createInterventionRequestSchema);
  const result = await createIntervention(ctx, input, key);
  return idempotentResponse(result, `/api/v1/interventions/${result.body.id}`);
});
