import { z } from "zod";
import type { RouteSpec } from "../registry";

/** The Meta routes of the HTTP API (lib/api/routes/index.ts lists them all). */
export const metaRoutes: RouteSpec[] = [
  {
    method: "get",
    path: "/openapi.json",
    operationId: "getOpenApiDocument",
    tag: "Meta",
    summary: "This document",
    description: "OpenAPI 3.1, generated from the zod schemas the handlers validate with.",
    access: "public",
    responses: {
      200: {
        description: "The OpenAPI document.",
        schema: z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) }),
      },
    },
    errors: [],
  },
];
