import { z } from "zod";

/**
 * zod's global registry holds the API's named schemas and every `.describe()` text: a named
 * schema becomes `#/components/schemas/<id>` in the OpenAPI document and a heading on the
 * reference page. Only response shapes (and consumed events) are named; requests stay inline,
 * converted as input, so a component always means one thing.
 */
export const apiSchemas = z.globalRegistry;

export function named<S extends z.ZodType>(id: string, description: string, schema: S): S {
  apiSchemas.add(schema, { id, description });
  return schema;
}

export type HttpMethod = "get" | "post" | "put" | "delete";

export interface ResponseSpec {
  description: string;
  /** Absent for a body that is not JSON (then `contentType` says what it is). */
  schema?: z.ZodType;
  contentType?: string;
  headers?: Record<string, string>;
}

/** The failures a route may answer with, as RFC 9457 problem+json. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 422;

/** One route of the HTTP API, declared once: the document and the reference page come from here. */
export interface RouteSpec {
  method: HttpMethod;
  /** OpenAPI template relative to `/api/v1`, e.g. `/interventions/{id}`. */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  /** Who may call it, in words; "public" needs no credentials at all. */
  access: string;
  /** Path parameters (all are ids) and what each names. */
  pathParams?: Record<string, string>;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Accepts `Idempotency-Key`; retries inside the window return the first response. */
  idempotencyWindowMinutes?: number;
  /** Takes `If-Match: "<version>"` (or `version` in the body); 409 when stale. */
  ifMatch?: boolean;
  responses: Partial<Record<200 | 201 | 204, ResponseSpec>>;
  errors: ErrorStatus[];
}

export const defineRoutes = (routes: RouteSpec[]): RouteSpec[] => routes;

export const ERROR_DESCRIPTIONS: Record<ErrorStatus, string> = {
  400: "Invalid input: `errors` lists each field and what is wrong. Nothing was written.",
  401: "No credentials, or a token that is unknown or revoked.",
  403: "Signed in, but your role does not allow this.",
  404: "Not found — also the answer for another district's resource.",
  409: "Conflict with the current state, e.g. a stale `version` / `If-Match`, or a schedule that collides (`conflicts` and `alternatives` then list what with and what is free).",
  422: "Well-formed but refused by the rules, or an `Idempotency-Key` reused with another body.",
};

/** What a value of `T` looks like after JSON serialisation, with every field optional. */
export type JsonPartial<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? JsonPartial<U>[]
    : T extends object
      ? { [K in keyof T]?: JsonPartial<T[K]> }
      : T;

/**
 * For responses another module shapes: at compile time, every field the schema documents (at any
 * depth) must exist on `T`'s JSON form with a compatible type; the schema may document a subset.
 * The contract test checks the documented fields against real responses.
 */
export const describes =
  <T>() =>
  <S extends z.ZodType<JsonPartial<T>>>(schema: S): S =>
    schema;
