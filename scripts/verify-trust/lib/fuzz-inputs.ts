import fc from "fast-check";
import {
  HOSTILE_STRINGS,
  hostileValue,
  isTyped,
  propertiesOf,
  shapedValue,
  wrongTypeFor,
} from "./arbitraries";
import { fillRoute, routeFromEntry } from "./build-routes";
import type { ApiDescription, Operation } from "./openapi";

/**
 * One fuzzed request per value: the path (ids real, random or hostile), the query and, for
 * writes, a body that is invalid by construction — so every write the fuzzer sends must be
 * refused, and the row counts before and after show whether a refused request wrote anything.
 */
export interface FuzzInput {
  path: string;
  contentType?: string;
  body?: string;
}

/** A lone surrogate cannot be percent-encoded as UTF-8: it goes as the bytes a client would send. */
function safelyEncoded(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return "%ED%A0%80";
  }
}

/** Hostile strings that fit in one path segment or query value (a 100 kB URL is the HTTP server's concern). */
const SHORT_HOSTILE = HOSTILE_STRINGS.filter(
  (s) => s.length < 2000 && s !== "" && !/^\.+$/.test(s),
);

function pathArbitrary(
  operation: Operation,
  ownId: (table: string) => string | undefined,
  realIds: boolean,
) {
  const route = routeFromEntry(`${operation.path.replace(/\{([^}]+)\}/g, "[$1]")}/route`);
  if (!route || route.params.length === 0) return fc.constant(operation.path);
  const segment = fc.oneof(
    ...(realIds ? [{ weight: 3, arbitrary: fc.constant("own") }] : []),
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.constantFrom(...SHORT_HOSTILE) },
  );
  return fc
    .array(segment, { minLength: route.params.length, maxLength: route.params.length })
    .map((values) => {
      let index = 0;
      return fillRoute(route, (table) => {
        const value = values[index++] ?? "own";
        return safelyEncoded(value === "own" ? (ownId(table) ?? value) : value);
      });
    });
}

const asQueryValue = (value: unknown) =>
  typeof value === "string" ? value.slice(0, 2000) : (JSON.stringify(value) ?? "");

function queryArbitrary(operation: Operation, api: ApiDescription) {
  const fields = operation.query.map((param) =>
    fc.oneof(
      { weight: 2, arbitrary: fc.constant<string[]>([]) },
      {
        weight: 3,
        arbitrary: shapedValue(param.schema, api.components).map((v) => [asQueryValue(v)]),
      },
      { weight: 2, arbitrary: fc.constantFrom(...SHORT_HOSTILE).map((v) => [v]) },
      {
        weight: 1,
        arbitrary: fc.array(hostileValue.map(asQueryValue), { minLength: 2, maxLength: 3 }),
      },
    ),
  );
  const extra = fc.option(
    fc.tuple(fc.constantFrom("__proto__", "constructor", "x"), fc.constantFrom(...SHORT_HOSTILE)),
    { nil: undefined },
  );
  return fc.tuple(fc.tuple(...fields), extra).map(([values, added]) => {
    const search = new URLSearchParams();
    operation.query.forEach((param, index) => {
      for (const value of values[index] ?? []) search.append(param.name, value);
    });
    if (added) search.append(added[0], added[1]);
    const text = search.toString();
    return text ? `?${text}` : "";
  });
}

/** Keys that try to reach an object's prototype once parsed. */
const POLLUTING = ['"__proto__":{"isAdmin":true}', '"constructor":{"prototype":{"isAdmin":true}}'];

/** A body the operation must refuse: one typed field of the wrong type, or no object at all. */
function brokenBody(operation: Operation, api: ApiDescription): fc.Arbitrary<string> {
  const schema = operation.body ?? {};
  const properties = propertiesOf(schema, api.components);
  const typed = Object.keys(properties).filter((key) =>
    isTyped(properties[key] ?? {}, api.components),
  );
  const notAnObject = fc.oneof(
    fc.constantFrom(
      "[]",
      "null",
      "0",
      '"x"',
      "true",
      "{",
      '{"a":}',
      "NaN",
      "",
      "\u0000",
      "[".repeat(5000),
    ),
    fc.string({ unit: "binary", maxLength: 80 }).map((s) => `{${s}`),
  );
  if (typed.length === 0 || !(schema.type === "object" || schema.$ref || schema.properties)) {
    return notAnObject;
  }
  const broken = fc
    .constantFrom(...typed)
    .chain((key) =>
      fc.tuple(
        shapedValue(schema, api.components),
        fc.constant(key),
        wrongTypeFor(properties[key] ?? {}, api.components),
        fc.dictionary(
          fc.constantFrom("extra", "isAdmin", "tenantId", "role", "$where"),
          hostileValue,
          { maxKeys: 3 },
        ),
        fc.option(fc.constantFrom(...POLLUTING), { nil: undefined }),
      ),
    )
    .map(([valid, key, wrong, extras, polluting]) => {
      const object = { ...(valid as Record<string, unknown>), ...extras, [key]: wrong };
      const text = JSON.stringify(object);
      return polluting ? `{${polluting},${text.slice(1)}` : text;
    });
  return fc.oneof({ weight: 6, arbitrary: broken }, { weight: 1, arbitrary: notAnObject });
}

export function readInputs(
  operation: Operation,
  api: ApiDescription,
  ownId: (table: string) => string | undefined,
) {
  return fc
    .tuple(pathArbitrary(operation, ownId, true), queryArbitrary(operation, api))
    .map(([path, query]): FuzzInput => ({ path: `${path}${query}` }));
}

/**
 * Writes: with a body schema, the target ids are real and the body is broken; without one,
 * the body cannot be wrong, so the ids are random or hostile and the target never exists.
 */
export function writeInputs(
  operation: Operation,
  api: ApiDescription,
  ownId: (table: string) => string | undefined,
) {
  const hasBody = operation.body !== null;
  const body = hasBody
    ? brokenBody(operation, api)
    : fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v) ?? "null");
  const path =
    hasBody || operation.pathParams.length > 0
      ? pathArbitrary(operation, ownId, hasBody)
      : fc.constant(operation.path);
  const contentType = fc.oneof(
    { weight: 8, arbitrary: fc.constant("application/json") },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/json; charset=utf-16",
      ),
    },
  );
  return fc.tuple(path, queryArbitrary(operation, api), body, contentType).map(
    ([p, query, text, type]): FuzzInput => ({
      path: `${p}${query}`,
      body: text,
      contentType: type,
    }),
  );
}

/** A write with no body schema and no path id cannot be made invalid: the fuzzer leaves it out. */
export function canRefuseByConstruction(operation: Operation): boolean {
  return operation.body !== null || operation.pathParams.length > 0;
}
