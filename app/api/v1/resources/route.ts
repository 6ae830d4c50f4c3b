import { NextResponse } from "next/server";
import {
  createResourceSchema,
  listResourcesQuerySchema,
} from "@/lib/domain/scheduling/resource-schemas";
import { apiRoute } from "@/lib/server/route";
import { readJson, readQuery } from "@/lib/server/route-input";
import { createResource } from "@/lib/use-cases/resources/create-resource";
import { listResources } from "@/lib/use-cases/resources/list-resources";

export const GET = apiRoute(async ({ ctx, request }) =>
  NextResponse.json(await listResources(ctx, readQuery(request, listResourcesQuerySchema))),
);

export const POST = apiRoute(async ({ ctx, request }) => {
  const created = await createResource(ctx, await readJson(request, createResourceSchema));
  return NextResponse.json(created, {
    status: 201,
    headers: { location: `/api/v1/resources/${created.id}` },
  });
});
