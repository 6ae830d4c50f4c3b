import { NextResponse } from "next/server";
import { updateTemplateSchema } from "@/lib/domain/templates/schemas";
import { apiRoute } from "@/lib/server/route";
import { expectedVersion, readJson, resourceId } from "@/lib/server/route-input";
import { getTemplate, updateTemplate } from "@/lib/use-cases/templates/templates";

export const GET = apiRoute<{ id: string }>(async ({ ctx, params }) => {
  const template = await getTemplate(ctx, resourceId(params.id, "Template"));
  return NextResponse.json(template, { headers: { etag: `"${template.version}"` } });
});

/** Fields present are replaced; `If-Match` or `version` guards against lost updates (409). */
export const PUT = apiRoute<{ id: string }>(async ({ ctx, params, request }) => {
  const id = resourceId(params.id, "Template");
  const input = await readJson(request, updateTemplateSchema);
  const updated = await updateTemplate(ctx, id, input, expectedVersion(request, input.version));
  return NextResponse.json(updated, { headers: { etag: `"${updated.version}"` } });
});
