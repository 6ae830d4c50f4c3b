import { NextResponse } from "next/server";
import { updateResourceSchema } from "@/lib/domain/scheduling/resource-schemas";
import { apiRoute } from "@/lib/server/route";
import { readJson, resourceId } from "@/lib/server/route-input";
import { getResource } from "@/lib/use-cases/resources/get-resource";
import { retireResource } from "@/lib/use-cases/resources/retire-resource";
import { updateResource } from "@/lib/use-cases/resources/update-resource";

export const GET = apiRoute<{ id: string }>(async ({ ctx, params }) =>
  NextResponse.json(await getResource(ctx, resourceId(params.id, "Resource"))),
);

/** Fields present are replaced. */
export const PUT = apiRoute<{ id: string }>(async ({ ctx, params, request }) => {
  const id = resourceId(params.id, "Resource");
  const input = await readJson(request, updateResourceSchema);
  return NextResponse.json(await updateResource(ctx, id, input));
});

/** Retires the resource (it is kept for the groups that name it). */
export const DELETE = apiRoute<{ id: string }>(async ({ ctx, params }) =>
  NextResponse.json(await retireResource(ctx, resourceId(params.id, "Resource"))),
);
