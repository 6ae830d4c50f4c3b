import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The app's endpoints as the production build lists them, never a hand list: every page and
 * route handler from `app-paths-manifest.json`, every server action from
 * `server-reference-manifest.json`. A route added to the app is checked without anyone
 * remembering to add it here.
 */

export interface Param {
  name: string;
  /** The path segment before it (`students` for `/students/[id]`): says what the id names. */
  after: string;
  catchAll: boolean;
}

export interface BuiltRoute {
  /** The URL template, route groups removed: `/api/v1/students/[id]`. */
  template: string;
  kind: "page" | "route";
  params: Param[];
  /** The route group it is in (`app` for `(app)`, the signed-in part), or null. */
  group: string | null;
}

export interface BuiltAction {
  id: string;
  /** The exported function's name and its file, for the table and the logs. */
  name: string;
  file: string;
  /** A page whose bundle holds the action: Next answers the action's POST there. */
  page: BuiltRoute;
}

/** `/(app)/students/[id]/page` → the page `/students/[id]`; null for Next's own entries. */
export function routeFromEntry(entry: string): BuiltRoute | null {
  const match = /^(.*)\/(page|route)$/.exec(entry.startsWith("/") ? entry : `/${entry}`);
  if (!match) return null;
  const all = (match[1] ?? "").split("/");
  const group = /^\((.*)\)$/.exec(all.find((s) => /^\(.*\)$/.test(s)) ?? "")?.[1] ?? null;
  const segments = all.filter((s) => s && !/^\(.*\)$/.test(s));
  if (segments[0]?.startsWith("_")) return null; // _not-found, _global-error
  if (segments[0] === "app") segments.shift(); // the action manifest names files under app/
  const params: Param[] = [];
  segments.forEach((segment, index) => {
    const param = /^\[(\.\.\.)?([^\]]+)\]$/.exec(segment);
    if (param) {
      params.push({ name: param[2] ?? "", after: segments[index - 1] ?? "", catchAll: !!param[1] });
    }
  });
  return {
    template: `/${segments.join("/")}`,
    kind: match[2] === "page" ? "page" : "route",
    params,
    group,
  };
}

export function readBuiltRoutes(distDir: string): BuiltRoute[] {
  const manifest = JSON.parse(
    readFileSync(path.join(distDir, "server", "app-paths-manifest.json"), "utf8"),
  ) as Record<string, string>;
  return Object.keys(manifest)
    .sort()
    .map(routeFromEntry)
    .filter((route): route is BuiltRoute => route !== null);
}

interface ActionEntry {
  workers: Record<string, unknown>;
  exportedName?: string;
  filename?: string;
}

export function readBuiltActions(distDir: string): BuiltAction[] {
  const manifest = JSON.parse(
    readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, ActionEntry> };
  const actions: BuiltAction[] = [];
  for (const [id, entry] of Object.entries(manifest.node)) {
    // Prefer a page without parameters: the action runs the same wherever it is posted.
    const pages = Object.keys(entry.workers)
      .map(routeFromEntry)
      .filter((route): route is BuiltRoute => route?.kind === "page")
      .sort((a, b) => a.params.length - b.params.length);
    const page = pages[0];
    if (!page) continue;
    actions.push({
      id,
      name: entry.exportedName ?? id,
      file: entry.filename ?? "",
      page,
    });
  }
  return actions.sort((a, b) => a.file.localeCompare(b.file) || a.name.localeCompare(b.name));
}

/** The table a `[id]` after this segment names, where the segment is not the table's name. */
const TABLE_OF_SEGMENT: Record<string, string> = {
  children: "students",
  sessions: "intervention_sessions",
  templates: "intervention_templates",
  notes: "progress_notes",
  imports: "import_runs",
  mailbox: "communications",
  meetings: "mtss_meetings",
  decisions: "tier_changes",
  summaries: "progress_summaries",
};

export function tableOf(param: Param): string {
  if (param.name === "studentId") return "students";
  return TABLE_OF_SEGMENT[param.after] ?? param.after.replaceAll("-", "_");
}

/**
 * A concrete path: each parameter replaced by `pick(table)` (an id of the table the segment
 * names), a catch-all by `session` (Auth.js's harmless read).
 */
export function fillRoute(route: BuiltRoute, pick: (table: string) => string): string {
  let filled = route.template;
  for (const param of route.params) {
    const value = param.catchAll ? "session" : pick(tableOf(param));
    filled = filled.replace(param.catchAll ? `[...${param.name}]` : `[${param.name}]`, value);
  }
  return filled;
}

/** An OpenAPI path (`/api/v1/interventions/{id}`) with ids from `pick`, random where it has none. */
export function fillOpenApiPath(
  openApiPath: string,
  pick: (table: string) => string | undefined,
): string {
  const route = routeFromEntry(`${openApiPath.replace(/\{([^}]+)\}/g, "[$1]")}/route`);
  return route ? fillRoute(route, (table) => pick(table) ?? randomUUID()) : openApiPath;
}
