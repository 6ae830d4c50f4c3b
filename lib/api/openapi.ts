import { z } from "zod";
import { apiSchemas, ERROR_DESCRIPTIONS, type RouteSpec } from "./registry";
import { API_ROUTES } from "./routes";
import { problemSchema } from "./schemas/common";
import { CONSUMED_EVENTS, PUBLISHED_EVENTS } from "./schemas/events";

export type JsonSchema = { [key: string]: unknown };
export type OpenApiDocument = JsonSchema & {
  openapi: "3.1.0";
  paths: Record<string, Record<string, JsonSchema>>;
  components: { schemas: Record<string, JsonSchema> } & JsonSchema;
};

const COMPONENT_PREFIX = "#/components/schemas/";

/** `#/$defs/X` (where zod puts named schemas) → `#/components/schemas/X`; no dialect markers. */
function relocate(value: unknown, io: "input" | "output"): unknown {
  if (Array.isArray(value)) return value.map((item) => relocate(item, io));
  if (!value || typeof value !== "object") return value;
  const out: JsonSchema = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === "$schema" || key === "$id") continue;
    // Responses may grow new fields without breaking anyone: readers must ignore unknown ones.
    if (io === "output" && key === "additionalProperties" && inner === false) continue;
    out[key] =
      key === "$ref" && typeof inner === "string"
        ? inner.replace("#/$defs/", COMPONENT_PREFIX)
        : relocate(inner, io);
  }
  return out;
}

/** JSON Schema (2020-12, OpenAPI 3.1's dialect) of a zod schema; named parts go to components. */
function convert(
  schema: z.ZodType,
  io: "input" | "output",
  components: Record<string, JsonSchema>,
): JsonSchema {
  const json = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    metadata: apiSchemas,
    io,
    unrepresentable: "any",
  }) as JsonSchema & { $defs?: Record<string, JsonSchema> };
  const { $defs, ...rest } = json;
  for (const [id, definition] of Object.entries($defs ?? {})) {
    components[id] ??= relocate(definition, io) as JsonSchema;
  }
  const named = apiSchemas.get(schema)?.id;
  if (named) {
    components[named] ??= relocate(rest, io) as JsonSchema;
    return { $ref: `${COMPONENT_PREFIX}${named}` };
  }
  return relocate(rest, io) as JsonSchema;
}

const problem = { $ref: `${COMPONENT_PREFIX}Problem` };

function parameters(route: RouteSpec, components: Record<string, JsonSchema>): JsonSchema[] {
  const list: JsonSchema[] = Object.entries(route.pathParams ?? {}).map(([name, description]) => ({
    name,
    in: "path",
    required: true,
    description,
    schema: { type: "string", format: "uuid" },
  }));
  if (route.query) {
    const query = convert(route.query, "input", components) as {
      properties?: Record<string, JsonSchema>;
      required?: string[];
    };
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      const { description, ...rest } = schema;
      list.push({
        name,
        in: "query",
        required: query.required?.includes(name) ?? false,
        ...(description ? { description } : {}),
        schema: rest,
      });
    }
  }
  if (route.idempotencyWindowMinutes) {
    list.push({
      name: "Idempotency-Key",
      in: "header",
      required: false,
      description: `A retry with the same key and body within ${route.idempotencyWindowMinutes} minutes returns the first response (with \`Idempotent-Replayed: true\`) and writes nothing; the same key with another body is 422.`,
      schema: { type: "string", minLength: 1, maxLength: 200 },
    });
  }
  if (route.ifMatch) {
    list.push({
      name: "If-Match",
      in: "header",
      required: false,
      description: 'The version you read, as its ETag (e.g. "3"). Or send `version` in the body.',
      schema: { type: "string" },
    });
  }
  return list;
}

function operation(route: RouteSpec, components: Record<string, JsonSchema>): JsonSchema {
  const responses: JsonSchema = {};
  for (const [status, response] of Object.entries(route.responses)) {
    responses[status] = {
      description: response.description,
      ...(response.headers
        ? {
            headers: Object.fromEntries(
              Object.entries(response.headers).map(([name, description]) => [
                name,
                { description, schema: { type: "string" } },
              ]),
            ),
          }
        : {}),
      ...(response.schema
        ? {
            content: {
              "application/json": { schema: convert(response.schema, "output", components) },
            },
          }
        : response.contentType
          ? { content: { [response.contentType]: {} } }
          : {}),
    };
  }
  for (const status of route.errors) {
    responses[String(status)] = {
      description: ERROR_DESCRIPTIONS[status],
      content: { "application/problem+json": { schema: problem } },
    };
  }
  const isPublic = route.access === "public";
  return {
    operationId: route.operationId,
    tags: [route.tag],
    summary: route.summary,
    description: [
      route.description,
      `**Who may call it:** ${isPublic ? "anyone, without credentials" : route.access}`,
    ]
      .filter(Boolean)
      .join("\n\n"),
    ...(isPublic ? { security: [] } : {}),
    parameters: parameters(route, components),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: convert(route.body, "input", components) } },
          },
        }
      : {}),
    responses,
  };
}

const DESCRIPTION = `The HTTP API of NorthStar Interventions: tiered (RTI/MTSS) interventions, their sessions, attendance and progress, for one district at a time.

**Authentication.** Services send \`Authorization: Bearer <token>\`; a district admin creates tokens on the API tokens page (Administration) (each is scoped to the district and a role, stored hashed, revocable). Browsers use the Auth.js session cookie. No credentials → 401; not allowed → 403; another district's resource → 404.

**Errors** are RFC 9457 \`application/problem+json\` with \`errors: [{ path, message }]\` for invalid fields; a rejected request writes nothing.

**Events.** Changes are published as CloudEvents 1.0 to NATS JetStream (stream \`NORTHSTAR_INTERVENTIONS\`, subjects \`northstar.interventions.<district id>.<event type>\`, \`Nats-Msg-Id\` = event id) and through \`GET /events\`. The events consumed from other services are described under \`x-consumed-events\`.`;

let cached: OpenApiDocument | undefined;

/** The OpenAPI 3.1 document of the whole API, built once per process from API_ROUTES. */
export function openApiDocument(routes: readonly RouteSpec[] = API_ROUTES): OpenApiDocument {
  if (cached && routes === API_ROUTES) return cached;
  const components: Record<string, JsonSchema> = {};
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, JsonSchema>)[route.method] = operation(route, components);
  }
  convert(problemSchema, "output", components);
  const consumed = CONSUMED_EVENTS.map((event) => ({
    type: event.type,
    subject: `northstar.${event.area}.<district id>.${event.type}`,
    summary: event.summary,
    data: convert(event.schema, "input", components),
  }));
  const tags = [...new Set(routes.map((r) => r.tag))].map((name) => ({ name }));
  const document: OpenApiDocument = {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: { title: "NorthStar Interventions API", version: "1.0.0", description: DESCRIPTION },
    servers: [{ url: "/api/v1" }],
    security: [{ bearerToken: [] }, { sessionCookie: [] }],
    tags,
    paths,
    components: {
      schemas: Object.fromEntries(
        Object.entries(components).sort(([a], [b]) => a.localeCompare(b)),
      ),
      securitySchemes: {
        bearerToken: {
          type: "http",
          scheme: "bearer",
          description: "A token a district admin created on the API tokens page.",
        },
        sessionCookie: { type: "apiKey", in: "cookie", name: "authjs.session-token" },
      },
    },
    "x-published-events": Object.entries(PUBLISHED_EVENTS).map(([type, summary]) => ({
      type,
      subject: `northstar.interventions.<district id>.${type}`,
      summary,
      schema: { $ref: `${COMPONENT_PREFIX}${type}` },
    })),
    "x-consumed-events": consumed,
  };
  if (routes === API_ROUTES) cached = document;
  return document;
}
