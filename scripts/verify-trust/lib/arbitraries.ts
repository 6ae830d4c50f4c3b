import fc from "fast-check";
import type { JsonSchema } from "./openapi";

/**
 * fast-check arbitraries from the JSON Schemas of the API document (zod's conversion of each
 * route's schemas, lib/api/openapi.ts): values that look valid, and hostile ones — wrong types,
 * huge and odd strings, unicode, edge numbers, injection fragments, extra and prototype keys.
 */

type Components = Record<string, JsonSchema>;

const resolve = (schema: JsonSchema, components: Components): JsonSchema => {
  const ref = schema.$ref;
  if (typeof ref !== "string") return schema;
  return components[ref.replace("#/components/schemas/", "")] ?? {};
};

/** A calendar date, possibly impossible (31 February): dates are built from numbers, not the clock. */
const dateLike = fc
  .tuple(
    fc.integer({ min: 1999, max: 2101 }),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
  )
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);

function stringOf(schema: JsonSchema): fc.Arbitrary<string> {
  switch (schema.format) {
    case "uuid":
      return fc.uuid();
    case "date":
      return dateLike;
    case "date-time":
      return dateLike.map((date) => `${date}T15:00:00Z`);
    case "email":
      return fc.emailAddress();
    default:
      break;
  }
  if (typeof schema.pattern === "string" && /\\d\{2\}:\\d\{2\}|HH|:/.test(schema.pattern)) {
    return fc
      .tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }))
      .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);
  }
  const minLength = typeof schema.minLength === "number" ? schema.minLength : 0;
  const maxLength = Math.min(typeof schema.maxLength === "number" ? schema.maxLength : 40, 200);
  return fc.string({ minLength: Math.min(minLength, maxLength), maxLength });
}

function numberOf(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = typeof schema.minimum === "number" ? schema.minimum : -1000;
  const max = typeof schema.maximum === "number" ? schema.maximum : 1000;
  const inside = integer
    ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
    : fc.double({ min, max, noNaN: true });
  // The boundaries and one step past them.
  return fc.oneof(inside, fc.constantFrom(min, max, min - 1, max + 1));
}

/** Values shaped like `schema`: mostly valid, sometimes just outside its limits. */
export function shapedValue(
  schema: JsonSchema,
  components: Components,
  depth = 0,
): fc.Arbitrary<unknown> {
  const s = resolve(schema, components);
  if (depth > 6) return fc.constant(null);
  if ("const" in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  const alternatives = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined;
  if (Array.isArray(alternatives) && alternatives.length > 0) {
    return fc.oneof(...alternatives.map((alt) => shapedValue(alt, components, depth + 1)));
  }
  if (Array.isArray(s.allOf) && s.allOf.length > 0)
    return shapedValue(s.allOf[0] as JsonSchema, components, depth + 1);
  const type = Array.isArray(s.type) ? s.type : [s.type];
  if (type.length > 1) {
    return fc.oneof(...type.map((t) => shapedValue({ ...s, type: t }, components, depth + 1)));
  }
  switch (type[0]) {
    case "string":
      return stringOf(s);
    case "integer":
      return numberOf(s, true);
    case "number":
      return numberOf(s, false);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      const items = (s.items as JsonSchema | undefined) ?? {};
      const maxLength = Math.min(typeof s.maxItems === "number" ? s.maxItems : 4, 6);
      return fc.array(shapedValue(items, components, depth + 1), { maxLength });
    }
    case "object":
      return objectOf(s, components, depth);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

export function propertiesOf(
  schema: JsonSchema,
  components: Components,
): Record<string, JsonSchema> {
  return (resolve(schema, components).properties as Record<string, JsonSchema> | undefined) ?? {};
}

function objectOf(schema: JsonSchema, components: Components, depth: number) {
  const properties = propertiesOf(schema, components);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, property] of Object.entries(properties)) {
    model[key] = shapedValue(property, components, depth + 1);
  }
  const required = ((schema.required as string[] | undefined) ?? []).filter((key) => key in model);
  return fc.record(model, { requiredKeys: required });
}

/** Strings no field should be hurt by: injection fragments, control and odd unicode, sizes. */
export const HOSTILE_STRINGS = [
  "",
  " ",
  "'; DROP TABLE intervention.students; --",
  "' OR '1'='1",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "\u0000",
  "\uFEFF",
  "\uD800",
  "‮evil",
  "Ω≈ç√∫˜µ≤≥÷",
  "😀".repeat(300),
  "a".repeat(100_000),
  "NaN",
  "-1",
  "1e309",
  "{{7*7}}",
  ["$", "{jndi:ldap://127.0.0.1/a}"].join(""),
  "%00",
  "null",
  "true",
  "00000000-0000-0000-0000-000000000000",
];

/** Any JSON value an attacker might put where something else belongs. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 60 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(-1, 0, -0.5, 1e308, -1e308, 2 ** 53 + 1, 2 ** 31, 0.1 + 0.2),
  },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 4 }) },
  {
    weight: 1,
    arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), {
      maxKeys: 4,
    }),
  },
);

/** A value of the wrong type for `schema`, so the field (and the request) must be refused. */
export function wrongTypeFor(schema: JsonSchema, components: Components): fc.Arbitrary<unknown> {
  const s = resolve(schema, components);
  const type = Array.isArray(s.type) ? s.type : [s.type];
  const nullable = type.includes("null");
  const candidates: fc.Arbitrary<unknown>[] = [];
  if (!type.includes("string") && !s.enum)
    candidates.push(fc.constantFrom(...HOSTILE_STRINGS.filter((x) => Number.isNaN(Number(x)))));
  if (type.includes("string") || s.enum) {
    candidates.push(fc.constantFrom({ $gt: "" }, [1, 2], 12345, true));
  }
  if (!type.includes("array")) candidates.push(fc.constant([{ "<script>": 1 }]));
  if (!type.includes("object"))
    candidates.push(
      fc.constant({ __proto__: null, constructor: { prototype: { polluted: true } } }),
    );
  // `true` is 1 to a coercing number field (z.coerce.number()), so only strings and lists get it.
  const numeric = type.includes("number") || type.includes("integer");
  if (!nullable && !numeric && !type.includes("boolean")) candidates.push(fc.constant(true));
  return fc.oneof(...candidates);
}

/** Does the schema say enough about a field that a wrong type is sure to be refused? */
export function isTyped(schema: JsonSchema, components: Components): boolean {
  const s = resolve(schema, components);
  return (
    typeof s.type === "string" || Array.isArray(s.type) || Array.isArray(s.enum) || "const" in s
  );
}
