import { NextResponse } from "next/server";
import { createTemplateSchema, templateListQuerySchema } from "@/lib/domain/templates/schemas";
import { apiRoute } from "@/lib/server/route";
import { readJson, readQuery } from "@/lib/server/route-input";
import { listSpecialistTemplates } from "@/lib/use-cases/templates/list-specialist-templates";
import { createTemplate, listTemplates } from "@/lib/use-cases/templates/templates";

export const GET = apiRoute(async ({ ctx, request }) => {
  const { owner } = readQuery(request, templateListQuerySchema);
  return NextResponse.json(
    owner === "specialists" ? await listSpecialistTemplates(ctx) : await listTemplates(ctx),
  );
});

export const POST = apiRoute(async ({ ctx, request }) => {
  const created = await createTemplate(ctx, await readJson(request, createTemplateSchema));
  return NextResponse.json(created, {
    status: 201,
    headers: { location: `/api/v1/templates/${created.id}`, etag: `"${created.version}"` },
  });
});
