import { randomUUID } from "node:crypto";
import type { BuiltAction, BuiltRoute } from "./build-routes";
import { fillRoute } from "./build-routes";
import type { Caller } from "./callers";
import type { DemoDistricts, DistrictData } from "./district-data";
import type { Answer } from "./http";
import { type DistrictSecrets, findLeaks, idsIn, type Leak } from "./leaks";

/** How the checks reach each kind of endpoint the build lists. */

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The methods a route handler implements: Next answers OPTIONS with them in `Allow`. */
export async function methodsOf(
  caller: Caller,
  route: BuiltRoute,
  path: string,
): Promise<string[]> {
  if (route.kind === "page") return ["GET"];
  const answer = await caller.client.request(path, { method: "OPTIONS" });
  const allow = answer.headers.get("allow");
  if (!allow) return ["GET"];
  return allow
    .split(",")
    .map((method) => method.trim().toUpperCase())
    .filter((method) => method && method !== "OPTIONS" && method !== "HEAD");
}

/** One request to a page or route handler; a write carries an empty JSON object. */
export function send(caller: Caller, method: string, path: string): Promise<Answer> {
  const write = WRITES.has(method);
  return caller.client.request(path, {
    method,
    ...(write ? { headers: { "content-type": "application/json" }, body: "{}" } : {}),
  });
}

/** A path with every id from `district`, or random ids when it has none of that kind. */
export function pathIn(route: BuiltRoute, district: DistrictData | null): string {
  return fillRoute(route, (table) => district?.sampleIds.get(table) ?? randomUUID());
}

export function randomPath(route: BuiltRoute): string {
  return fillRoute(route, () => randomUUID());
}

/** One id of every kind from `district`, under the names forms and actions use for them. */
export function idFields(district: DistrictData): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  for (const [table, id] of district.sampleIds) {
    const words = table.replace(/s$/, "").split("_");
    const key = words.map((word, i) => (i === 0 ? word : word[0]?.toUpperCase() + word.slice(1)));
    fields[`${key.join("")}Id`] = id;
  }
  const named: Record<string, string> = {
    id: "students",
    sessionId: "intervention_sessions",
    templateId: "intervention_templates",
    noteId: "progress_notes",
    meetingId: "mtss_meetings",
    tokenId: "api_tokens",
    reviewId: "exit_reviews",
    requestId: "family_requests",
  };
  for (const [key, table] of Object.entries(named)) {
    const id = district.sampleIds.get(table);
    if (id) fields[key] = id;
  }
  const student = district.sampleIds.get("students");
  if (student) fields.studentIds = [student];
  return fields;
}

/**
 * How many arguments an action reads: the first byte of a Next action id says which of the
 * first six it uses (0x40 the first … 0x02 the sixth) and 0x01 a rest parameter.
 */
export function argumentCount(actionId: string): number {
  const mask = Number.parseInt(actionId.slice(0, 2), 16);
  if (mask & 0x01) return 1; // `serverAction(schema, run)`: (input, ...extra)
  let count = 0;
  for (let index = 0; index < 6; index++) if (mask & (0x40 >> index)) count = index + 1;
  return count;
}

/**
 * Calls a server action as React's client does: a multipart POST to a page with the
 * `Next-Action` header, the arguments as JSON in field `0` and a form's fields as `1_<name>`.
 * The other district's ids go everywhere an action may read one: an action of one argument gets
 * them as its input, one of two as the form (after the form's previous state), and one of more
 * as its bound ids too.
 */
export function callAction(
  caller: Caller,
  action: BuiltAction,
  pagePath: string,
  fields: Record<string, string | string[]>,
  /** For an action of one argument: pass the ids as a form (`<form action={…}>`), not an object. */
  asForm = false,
): Promise<Answer> {
  const count = argumentCount(action.id);
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) form.append(`_1_${key}`, item);
  }
  const bound = Array.from({ length: Math.max(count - 2, 0) }, () => fields.id ?? "");
  const args =
    count === 0 ? [] : count === 1 ? [asForm ? "$K1" : fields] : [...bound, fields, "$K1"];
  form.append("0", JSON.stringify(args));
  return caller.client.request(pagePath, {
    method: "POST",
    headers: { "next-action": action.id, accept: "text/x-component" },
    body: form,
  });
}

/**
 * The secrets a caller must never see: the other district's (and, for a parent, the other
 * families' children), or both districts' for anonymous.
 */
export function secretsFor(caller: Caller, districts: DemoDistricts): DistrictSecrets[] {
  const hidden = caller.hidden ?? [];
  if (caller.home === "mapleGrove") return [districts.cedarRidge, ...hidden];
  if (caller.home === "cedarRidge") return [districts.mapleGrove, ...hidden];
  return [districts.mapleGrove, districts.cedarRidge];
}

export function leaksIn(body: string, secrets: DistrictSecrets[], ...sent: string[]): Leak[] {
  const sentIds = idsIn(...sent);
  return secrets.flatMap((secret) => findLeaks(body, secret, sentIds));
}
