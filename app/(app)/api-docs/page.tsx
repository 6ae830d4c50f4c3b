import type { Metadata } from "next";
import { headers } from "next/headers";
import { Card } from "@/components/ui/card";
import { type JsonSchema, openApiDocument } from "@/lib/api/openapi";
import { canManageApiTokens } from "@/lib/domain/policy";
import { requireActor } from "@/lib/server/actor";
import { EventsCard } from "./events-card";
import { anchor, type Operation, OperationCard } from "./operation-card";
import { Inline, SchemaView, schemaAnchor } from "./schema-view";

export const metadata: Metadata = { title: "API reference" };

/** The API reference, rendered from the same OpenAPI document `GET /api/v1/openapi.json` serves. */
export default async function ApiDocsPage() {
  const actor = await requireActor();
  const document = openApiDocument();
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      path,
      method,
      operation: operation as Operation,
    })),
  );
  const tags = [...new Set(operations.map((o) => o.operation.tags[0] ?? "Other"))];
  const requestHeaders = await headers();
  const origin = `${requestHeaders.get("x-forwarded-proto") ?? "http"}://${requestHeaders.get("host") ?? "localhost:3000"}`;
  const published = document["x-published-events"] as {
    type: string;
    subject: string;
    summary: string;
  }[];
  const consumed = document["x-consumed-events"] as {
    type: string;
    subject: string;
    summary: string;
    data: JsonSchema;
  }[];

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">API reference</h1>
        <p className="max-w-3xl text-slate-700">
          {String((document.info as { title: string }).title)}, version{" "}
          {String((document.info as { version: string }).version)}. Base URL <code>/api/v1</code>.
          The machine-readable document is at{" "}
          <a href="/api/v1/openapi.json" className="text-brand-700 underline">
            /api/v1/openapi.json
          </a>{" "}
          (OpenAPI 3.1).
        </p>
      </div>

      <Card className="space-y-3">
        <h2 className="text-lg font-semibold">Getting started</h2>
        <div className="space-y-2 text-sm text-slate-800">
          {String((document.info as { description: string }).description)
            .split("\n\n")
            .map((paragraph) => (
              <p key={paragraph.slice(0, 40)}>
                <Inline text={paragraph} />
              </p>
            ))}
        </div>
        <p className="text-sm">
          {canManageApiTokens(actor) ? (
            <>
              Create a token on the{" "}
              <a href="/admin/tokens" className="text-brand-700 underline">
                API tokens
              </a>{" "}
              page, then:
            </>
          ) : (
            "With a token from your district admin:"
          )}
        </p>
        <pre className="overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100">
          {`TOKEN=nst_…   # shown once when the token is created
curl -H "Authorization: Bearer $TOKEN" "${origin}/api/v1/interventions?limit=5"
curl -H "Authorization: Bearer $TOKEN" "${origin}/api/v1/events?limit=20"     # admin tokens
curl -X POST -H "Authorization: Bearer $TOKEN" -H "content-type: application/json" \\
     -H "Idempotency-Key: $(uuidgen)" "${origin}/api/v1/students/<student id>/tier" \\
     -d '{"toTier":3,"reason":"No response to two Tier 2 interventions; team agreed to intensify."}'`}
        </pre>
      </Card>

      <nav aria-label="Endpoints" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-2 text-lg font-semibold">Endpoints</h2>
        <div className="grid gap-4 md:grid-cols-3">
          {tags.map((tag) => (
            <div key={tag}>
              <h3 className="font-medium">{tag}</h3>
              <ul className="text-sm">
                {operations
                  .filter((o) => o.operation.tags[0] === tag)
                  .map(({ path, method, operation }) => (
                    <li key={operation.operationId}>
                      <a
                        href={`#${anchor(operation.operationId)}`}
                        className="text-brand-700 underline-offset-2 hover:underline"
                      >
                        <span className="font-mono text-xs uppercase">{method}</span> {path}
                      </a>
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </div>
        <p className="mt-3 text-sm">
          Also:{" "}
          <a href="#events" className="text-brand-700 underline">
            events
          </a>{" "}
          ·{" "}
          <a href="#schemas" className="text-brand-700 underline">
            schemas
          </a>
        </p>
      </nav>

      {operations.map(({ path, method, operation }) => (
        <OperationCard
          key={operation.operationId}
          path={path}
          method={method}
          operation={operation}
        />
      ))}

      <EventsCard published={published} consumed={consumed} />

      <Card className="space-y-4">
        <h2 id="schemas" className="text-lg font-semibold">
          Schemas
        </h2>
        {Object.entries(document.components.schemas).map(([name, schema]) => (
          <section key={name} className="space-y-1">
            <h3 id={schemaAnchor(name)} className="font-medium">
              {name}
            </h3>
            {typeof schema.description === "string" ? (
              <p className="text-sm text-slate-700">
                <Inline text={schema.description} />
              </p>
            ) : null}
            <SchemaView schema={schema} />
          </section>
        ))}
      </Card>
    </div>
  );
}
