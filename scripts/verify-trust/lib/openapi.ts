/**
 * The API's operations as the running app documents them (`GET /api/v1/openapi.json`, built from
 * the route declarations' zod schemas): the authorization check learns which need no
 * credentials, the fuzzer what each accepts.
 */

export type JsonSchema = Record<string, unknown>;

export interface Operation {
  method: string;
  /** `/api/v1/interventions/{id}` */
  path: string;
  operationId: string;
  isPublic: boolean;
  pathParams: string[];
  query: { name: string; schema: JsonSchema; required: boolean }[];
  body: JsonSchema | null;
}

interface Document {
  servers?: { url: string }[];
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface ApiDescription {
  operations: Operation[];
  /** `#/components/schemas/<id>` targets, for `$ref`. */
  components: Record<string, JsonSchema>;
}

export async function readApi(baseUrl: string): Promise<ApiDescription> {
  const response = await fetch(new URL("/api/v1/openapi.json", baseUrl));
  if (!response.ok) throw new Error(`GET /api/v1/openapi.json answered ${response.status}`);
  const document = (await response.json()) as Document;
  const prefix = document.servers?.[0]?.url ?? "";
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const parameters = (operation.parameters ?? []) as {
        name: string;
        in: string;
        required?: boolean;
        schema?: JsonSchema;
      }[];
      const body = (
        operation.requestBody as { content?: Record<string, { schema?: JsonSchema }> } | undefined
      )?.content?.["application/json"]?.schema;
      operations.push({
        method: method.toUpperCase(),
        path: `${prefix}${path}`,
        operationId: String(operation.operationId ?? `${method} ${path}`),
        isPublic: Array.isArray(operation.security) && operation.security.length === 0,
        pathParams: parameters.filter((p) => p.in === "path").map((p) => p.name),
        query: parameters
          .filter((p) => p.in === "query")
          .map((p) => ({ name: p.name, schema: p.schema ?? {}, required: !!p.required })),
        body: body ?? null,
      });
    }
  }
  return { operations, components: document.components?.schemas ?? {} };
}

/** `GET /api/v1/openapi.json`-style keys (`GET /api/v1/x/[]`) of the operations that are public. */
export async function publicOperations(baseUrl: string): Promise<Set<string>> {
  const { operations } = await readApi(baseUrl);
  return new Set(
    operations
      .filter((operation) => operation.isPublic)
      .map((operation) => `${operation.method} ${operation.path.replace(/\{[^}]+\}/g, "[]")}`),
  );
}
