import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/server/route";
import { resourceId } from "@/lib/server/route-input";
import { getEffectiveness } from "@/lib/use-cases/progress/get-effectiveness";

/** Scenario 6's figures (the API reference: lib/api/routes/). */
export const GET = apiRoute<{ id: string }>(async ({ ctx, params }) => {
  return NextResponse.json(await getEffectiveness(ctx, resourceId(params.id, "Intervention")));
});
