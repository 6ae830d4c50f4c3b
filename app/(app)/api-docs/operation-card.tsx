/** One endpoint of the API reference: method and path, its parameters, body and responses. */

import { Card } from "@/components/ui/card";
import type { JsonSchema } from "@/lib/api/openapi";
import { DocsColumnHeads, Inline, SchemaView, TypeLabel } from "./schema-view";

const METHOD_COLOURS: Record<string, string> = {
  get: "bg-emerald-100 text-emerald-900",
  post: "bg-blue-100 text-blue-900",
  put: "bg-amber-100 text-amber-900",
  delete: "bg-red-100 text-red-900",
};

/** An operation of the OpenAPI document, as far as the page shows it. */
export interface Operation extends JsonSchema {
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

/** The heading's id, which the page's list of endpoints links to. */
export const anchor = (operationId: string) => `op-${operationId}`;

export function OperationCard({
  path,
  method,
  operation,
}: {
  path: string;
  method: string;
  operation: Operation;
}) {
  return (
    <Card className="space-y-3">
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
            <DocsColumnHeads columns={["Name", "In", "Type", "Notes"]} />
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
          <SchemaView schema={operation.requestBody.content["application/json"]?.schema ?? {}} />
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
  );
}
