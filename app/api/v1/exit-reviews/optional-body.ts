import type { NextRequest } from "next/server";
import type { z } from "zod";
import { readJson } from "@/lib/server/route-input";

/** A body that may be left out: no body (or an empty one) reads as `{}`. */
export async function optionalJson<S extends z.ZodType>(
  request: NextRequest,
  schema: S,
): Promise<z.output<S>> {
  const length = request.headers.get("content-length");
  if (length === "0" || (length === null && !request.body)) return schema.parse({});
  return readJson(request, schema);
}
