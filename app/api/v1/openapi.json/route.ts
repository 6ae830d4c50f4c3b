import { NextResponse } from "next/server";
import { openApiDocument } from "@/lib/api/openapi";
import { publicRoute } from "@/lib/server/route";

/** The OpenAPI 3.1 document of the whole API: public, it describes and holds no data. */
export const GET = publicRoute(async () =>
  NextResponse.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } }),
);
