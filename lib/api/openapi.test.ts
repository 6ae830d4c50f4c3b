import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";
import { API_ROUTES } from "./routes";

const API_ROOT = path.join(process.cwd(), "app", "api", "v1");

/** Not part of the API: the benchmark's floor, which answers 404 unless NORTHSTAR_BENCH_FLOOR=1. */
const INTERNAL = new Set(["/%5Fbench/floor"]);

/** Every `route.ts` under app/api/v1 with the HTTP methods it exports, as OpenAPI paths. */
function implementedRoutes(dir = API_ROOT): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      found.push(...implementedRoutes(full));
      continue;
    }
    if (name !== "route.ts" || INTERNAL.has(`/${path.relative(API_ROOT, dir)}`)) continue;
    const template = `/${path.relative(API_ROOT, dir).split(path.sep).join("/")}`.replace(
      /\[([^\]]+)\]/g,
      "{$1}",
    );
    const source = readFileSync(full, "utf8");
    for (const [, method] of source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)) {
      found.push(`${method?.toLowerCase()} ${template}`);
    }
  }
  return found.sort();
}

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(openApiDocument()));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("declares exactly the routes that exist under app/api/v1", () => {
    const declared = API_ROUTES.map((r) => `${r.method} ${r.path}`).sort();
    expect(declared).toEqual(implementedRoutes());
  });

  it("declares each route once, with a unique operation id", () => {
    const keys = API_ROUTES.map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    const ids = API_ROUTES.map((r) => r.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("has response schemas a JSON Schema 2020-12 validator can compile", () => {
    const document = openApiDocument();
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    ajv.addSchema({ $id: "openapi.json", components: document.components }, "openapi.json");
    for (const name of Object.keys(document.components.schemas)) {
      expect(() => ajv.getSchema(`openapi.json#/components/schemas/${name}`), name).not.toThrow();
    }
  });

  it("documents the cursor, idempotency and If-Match contracts where they apply", () => {
    const document = openApiDocument();
    const create = document.paths["/interventions"]?.post as { parameters: { name: string }[] };
    expect(create.parameters.map((p) => p.name)).toContain("Idempotency-Key");
    const update = document.paths["/interventions/{id}"]?.put as { parameters: { name: string }[] };
    expect(update.parameters.map((p) => p.name)).toContain("If-Match");
    const feed = document.paths["/events"]?.get as { parameters: { name: string }[] };
    expect(feed.parameters.map((p) => p.name)).toEqual(["after", "limit"]);
  });
});
