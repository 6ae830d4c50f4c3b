import { ColumnHeads } from "@/components/ui/column-heads";
import type { JsonSchema } from "@/lib/api/openapi";

/** The reference's compact table heads: tighter than a data table's, no border under them. */
export function DocsColumnHeads({ columns }: { columns: readonly string[] }) {
  return (
    <ColumnHeads
      columns={columns}
      className="text-slate-600"
      cellClassName="py-1 pr-3 font-medium"
      lastCellClassName="py-1 font-medium"
    />
  );
}

/** `code` and **bold** in the document's descriptions, and nothing else of Markdown. */
export function Inline({ text }: { text: string }) {
  return (
    <>
      {text.split(/(`[^`]+`|\*\*[^*]+\*\*)/g).map((part, index) => {
        const key = `${index}-${part.slice(0, 8)}`;
        if (part.startsWith("`") && part.endsWith("`")) {
          return (
            <code key={key} className="rounded bg-slate-100 px-1 text-[0.9em]">
              {part.slice(1, -1)}
            </code>
          );
        }
        if (part.startsWith("**") && part.endsWith("**"))
          return <strong key={key}>{part.slice(2, -2)}</strong>;
        return <span key={key}>{part}</span>;
      })}
    </>
  );
}

export const schemaAnchor = (name: string) => `schema-${name}`;

const refName = (ref: string) => ref.split("/").at(-1) ?? ref;

/** A short type expression: `string (uuid)`, `array of Intervention`, `integer or null`. */
export function TypeLabel({ schema }: { schema: JsonSchema }) {
  if (typeof schema.$ref === "string") {
    const name = refName(schema.$ref);
    return (
      <a href={`#${schemaAnchor(name)}`} className="font-medium text-brand-700 underline">
        {name}
      </a>
    );
  }
  const variants = (schema.oneOf ?? schema.anyOf) as JsonSchema[] | undefined;
  if (variants) {
    return (
      <>
        {variants.map((variant, index) => (
          <span key={JSON.stringify(variant).slice(0, 60) + String(index)}>
            {index > 0 ? " or " : ""}
            <TypeLabel schema={variant} />
          </span>
        ))}
      </>
    );
  }
  if (schema.type === "array") {
    return (
      <>
        array of <TypeLabel schema={(schema.items as JsonSchema) ?? {}} />
      </>
    );
  }
  if ("const" in schema) return <code>{JSON.stringify(schema.const)}</code>;
  const types = Array.isArray(schema.type)
    ? schema.type.join(" or ")
    : String(schema.type ?? "any");
  const format = typeof schema.format === "string" ? ` (${schema.format})` : "";
  return (
    <>
      {types}
      {format}
    </>
  );
}

/** The rules a value must follow, in words. */
function constraints(schema: JsonSchema): string[] {
  const rules: string[] = [];
  if (Array.isArray(schema.enum))
    rules.push(`one of ${schema.enum.map((v) => JSON.stringify(v)).join(", ")}`);
  if (typeof schema.minimum === "number") rules.push(`≥ ${schema.minimum}`);
  if (typeof schema.maximum === "number") rules.push(`≤ ${schema.maximum}`);
  if (typeof schema.minLength === "number" && schema.minLength > 0)
    rules.push(`${schema.minLength}+ characters`);
  if (typeof schema.maxLength === "number") rules.push(`at most ${schema.maxLength} characters`);
  if (typeof schema.minItems === "number" && schema.minItems > 0)
    rules.push(`${schema.minItems}+ items`);
  if (typeof schema.maxItems === "number") rules.push(`at most ${schema.maxItems} items`);
  if (typeof schema.pattern === "string" && !schema.format) rules.push(`matches ${schema.pattern}`);
  if ("default" in schema) rules.push(`default ${JSON.stringify(schema.default)}`);
  const items = schema.items as JsonSchema | undefined;
  if (items && schema.type === "array")
    rules.push(...constraints(items).map((rule) => `each ${rule}`));
  return rules;
}

/** An object's fields as a table; nested objects inline, named schemas as links. */
export function SchemaView({ schema }: { schema: JsonSchema }) {
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  if (schema.type !== "object" || !properties) {
    const rules = constraints(schema);
    return (
      <p className="text-sm">
        <TypeLabel schema={schema} />
        {rules.length > 0 ? <span className="text-slate-600"> — {rules.join("; ")}</span> : null}
      </p>
    );
  }
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return (
    <table className="w-full text-left text-sm">
      <DocsColumnHeads columns={["Field", "Type", "Notes"]} />
      <tbody>
        {Object.entries(properties).map(([name, property]) => {
          const rules = constraints(property);
          const nested = property.type === "object" && property.properties;
          return (
            <tr key={name} className="border-t border-slate-100 align-top">
              <td className="py-1 pr-3 font-mono text-xs">
                {name}
                {required.has(name) ? (
                  <span className="text-red-700" title="required">
                    {" "}
                    *
                  </span>
                ) : null}
              </td>
              <td className="py-1 pr-3">
                <TypeLabel schema={property} />
              </td>
              <td className="py-1">
                {typeof property.description === "string" ? (
                  <Inline text={property.description} />
                ) : null}
                {rules.length > 0 ? (
                  <span className="block text-slate-600">{rules.join("; ")}</span>
                ) : null}
                {nested ? (
                  <div className="mt-1 border-l-2 border-slate-200 pl-2">
                    <SchemaView schema={property} />
                  </div>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
