import type { Metadata } from "next";
import { headers } from "next/headers";
import { Card } from "@/components/ui/card";
import { type JsonSchema, openApiDocument } from "@/lib/api/openapi";
import { requireActor } from "@/lib/server/actor";
import { Inline, SchemaView, schemaAnchor, TypeLabel } from "./schema-view";

export const metadata: Metadata = { title: "API reference" };

const METHOD_COLOURS: Record<string, string> = {
  get: "bg-emerald-100 text-emerald-900",
  post: "bg-blue-100 text-blue-900",
  put: "bg-amber-100 text-amber-900",
  delete: "bg-red-100 text-red-900",
};

interface Operation extends JsonSchema {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters: (JsonSchema & {
    name: string;
    in: string;
    required: boolean;
    description?: string;
    schema: JsonSchema;
  })[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<
    string,
    { description: string; content?: Record<string, { schema?: JsonSchema }> }
  >;
}

const anchor = (operationId: string) => `op-${operationId}`;

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
          {actor.role === "admin" ? (
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
        <Card key={operation.operationId} className="space-y-3">
          <h2
            id={anchor(operation.operationId)}
            className="flex flex-wrap items-center gap-2 text-lg font-semibold"
          >
            <span
              className={`rounded px-2 py-0.5 font-mono text-xs uppercase ${METHOD_COLOURS[method] ?? ""}`}
            >
              {method}
            </span>
            <code className="text-base">/api/v1{path}</code>
            <span className="font-normal text-slate-700">— {operation.summary}</span>
          </h2>
          {operation.description
            ? operation.description.split("\n\n").map((paragraph) => (
                <p key={paragraph.slice(0, 40)} className="text-sm text-slate-800">
                  <Inline text={paragraph} />
                </p>
              ))
            : null}
          {operation.parameters.length > 0 ? (
            <div>
              <h3 className="font-medium">Parameters</h3>
              <table className="w-full text-left text-sm">
                <thead className="text-slate-600">
                  <tr>
                    <th scope="col" className="py-1 pr-3 font-medium">
                      Name
                    </th>
                    <th scope="col" className="py-1 pr-3 font-medium">
                      In
                    </th>
                    <th scope="col" className="py-1 pr-3 font-medium">
                      Type
                    </th>
                    <th scope="col" className="py-1 font-medium">
                      Notes
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {operation.parameters.map((parameter) => (
                    <tr
                      key={`${parameter.in}-${parameter.name}`}
                      className="border-t border-slate-100 align-top"
                    >
                      <td className="py-1 pr-3 font-mono text-xs">
                        {parameter.name}
                        {parameter.required ? <span className="text-red-700"> *</span> : null}
                      </td>
                      <td className="py-1 pr-3">{parameter.in}</td>
                      <td className="py-1 pr-3">
                        <SchemaView schema={parameter.schema} />
                      </td>
                      <td className="py-1">
                        {parameter.description ? <Inline text={parameter.description} /> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {operation.requestBody ? (
            <div>
              <h3 className="font-medium">Request body (JSON)</h3>
              <SchemaView
                schema={operation.requestBody.content["application/json"]?.schema ?? {}}
              />
            </div>
          ) : null}
          <div>
            <h3 className="font-medium">Responses</h3>
            <ul className="space-y-1 text-sm">
              {Object.entries(operation.responses).map(([status, response]) => {
                const [contentType, content] = Object.entries(response.content ?? {})[0] ?? [];
                return (
                  <li key={status}>
                    <span className="font-mono font-semibold">{status}</span>{" "}
                    <Inline text={response.description} />
                    {content?.schema ? (
                      <span className="text-slate-600">
                        {" "}
                        — {contentType}: <TypeLabel schema={content.schema} />
                      </span>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </div>
        </Card>
      ))}

      <Card className="space-y-4">
        <h2 id="events" className="text-lg font-semibold">
          Events
        </h2>
        <p className="text-sm text-slate-800">
          Published to NATS JetStream as CloudEvents 1.0 (structured JSON, header{" "}
          <code>Nats-Msg-Id</code> = event id) on the stream <code>NORTHSTAR_INTERVENTIONS</code>,
          and readable through <code>GET /api/v1/events</code>. Events about one student or one
          intervention arrive in the order they happened.
        </p>
        <table className="w-full text-left text-sm">
          <thead className="text-slate-600">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">
                Event
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                Subject
              </th>
              <th scope="col" className="py-1 font-medium">
                Meaning
              </th>
            </tr>
          </thead>
          <tbody>
            {published.map((event) => (
              <tr key={event.type} className="border-t border-slate-100 align-top">
                <td className="py-1 pr-3">
                  <a href={`#${schemaAnchor(event.type)}`} className="text-brand-700 underline">
                    {event.type}
                  </a>
                </td>
                <td className="py-1 pr-3 font-mono text-xs">{event.subject}</td>
                <td className="py-1">
                  <Inline text={event.summary} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3 className="font-medium">Consumed from the district&apos;s other services</h3>
        <p className="text-sm text-slate-800">
          Send CloudEvents 1.0 JSON on the subjects below (JetStream). Each event id is applied
          once; a message that cannot be applied is parked with its reason after bounded retries.
        </p>
        {consumed.map((event) => (
          <div key={event.type} className="space-y-1">
            <h4 className="font-medium">
              {event.type} <span className="font-mono text-xs font-normal">{event.subject}</span>
            </h4>
            <p className="text-sm text-slate-700">{event.summary}</p>
            <TypeLabel schema={event.data} />
          </div>
        ))}
      </Card>

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
