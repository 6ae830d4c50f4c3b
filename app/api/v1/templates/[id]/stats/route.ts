import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/server/route";
import { resourceId } from "@/lib/server/route-input";
import { getTemplateStats } from "@/lib/use-cases/templates/template-record";

/** The template's record (lib/api/routes/templates.ts documents it). */
export const GET = apiRoute<{ id: string }>(async ({ ctx, params }) =>
  NextResponse.json(await getTemplateStats(ctx, resourceId(params.id, "Template"))),
);
