import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

/** The plan PostgreSQL ran for the slowest statement of one request of an endpoint. */
export interface StatementPlan {
  endpoint: string;
  /** The statement's own time, as auto_explain timed it (with ANALYZE's overhead). */
  durationMs: number;
  /** How many statements the request ran (each logged with its plan). */
  statements: number;
  query: string;
  plan: string;
}

/**
 * What the benchmark's PostgreSQL writes to its log (db/embedded.ts passes every line here):
 * kept only while a request whose plans are wanted is on its way.
 */
export class ServerLog {
  private text = "";
  private recording = false;

  readonly append = (chunk: string): void => {
    if (this.recording) this.text += chunk;
  };

  start(): void {
    this.text = "";
    this.recording = true;
  }

  stop(): string {
    this.recording = false;
    return this.text;
  }
}

/** One auto_explain entry of the log: "LOG:  duration: 1.234 ms  plan:" and its tab-indented lines. */
const ENTRY = /LOG:\s+duration: ([\d.]+) ms\s+plan:\n((?:\t.*(?:\n|$))+)/g;

/** The plans a stretch of log holds, each with its statement's text and time. */
export function plansInLog(log: string): { durationMs: number; query: string; plan: string }[] {
  return [...log.matchAll(ENTRY)].flatMap((match) => {
    const lines = match[2]!.split("\n").map((line) => line.replace(/^\t/, ""));
    // The statement's text may span lines; the plan begins with the first node and its costs.
    const queryLine = Math.max(
      0,
      lines.findIndex((line) => line.startsWith("Query Text:")),
    );
    const planLine = lines.findIndex((line, index) => index > queryLine && line.includes("(cost="));
    const query = lines
      .slice(queryLine, planLine < 0 ? undefined : planLine)
      .join(" ")
      .replace(/^Query Text:\s*/, "")
      .replace(/\s+/g, " ")
      .trim();
    const plan = (planLine < 0 ? [] : lines.slice(planLine))
      .filter((line) => line.trim() !== "")
      .map(shortLine)
      .join("\n");
    // Work of the job runner that happens to fall in the window is not the request's.
    if (/pgboss\./.test(query)) return [];
    return [{ durationMs: Number(match[1]), query, plan }];
  });
}

/** A plan line cut at 240 characters: an `IN` list of a few hundred ids says little more. */
function shortLine(line: string): string {
  return line.length > 240 ? `${line.slice(0, 240)}…` : line;
}

/** auto_explain's settings for the capture: every statement, with ANALYZE and BUFFERS. */
const CAPTURE_SETTINGS = [
  ["auto_explain.log_min_duration", "0"],
  ["auto_explain.log_analyze", "on"],
  ["auto_explain.log_buffers", "on"],
  ["auto_explain.log_format", "text"],
  // The values bound to a statement stay out of the log.
  ["auto_explain.log_parameter_max_length", "0"],
] as const;

async function applySettings(admin: Database, on: boolean): Promise<void> {
  for (const [name, value] of CAPTURE_SETTINGS) {
    await admin.execute(
      on ? sql.raw(`alter system set ${name} = '${value}'`) : sql.raw(`alter system reset ${name}`),
    );
  }
  await admin.execute(sql`select pg_reload_conf()`);
  // Backends read the new settings when the postmaster's signal reaches them, before their next
  // statement; a moment's wait covers a pooled connection that is idle right now.
  await new Promise((resolve) => setTimeout(resolve, 500));
}

/**
 * Sends one request of each endpoint with auto_explain switched on (server-wide, through
 * ALTER SYSTEM, so the app's pooled connections take it too), and keeps the plan of each
 * request's slowest statement: `EXPLAIN (ANALYZE, BUFFERS)` of what the endpoint really ran,
 * with its real parameters. auto_explain is switched off again whatever happens. Runs after the
 * measurements: ANALYZE's timing slows every statement it watches.
 */
export async function capturePlans<R>(
  admin: Database,
  log: ServerLog,
  requests: readonly (readonly [endpoint: string, request: R])[],
  send: (request: R) => Promise<unknown>,
): Promise<StatementPlan[]> {
  const plans: StatementPlan[] = [];
  await applySettings(admin, true);
  try {
    for (const [endpoint, request] of requests) {
      log.start();
      await send(request);
      // The log reaches this process through a pipe: a moment for the last lines to arrive.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const found = plansInLog(log.stop());
      const slowest = found.reduce<(typeof found)[number] | null>(
        (worst, plan) => (worst === null || plan.durationMs > worst.durationMs ? plan : worst),
        null,
      );
      if (slowest) plans.push({ endpoint, statements: found.length, ...slowest });
    }
  } finally {
    log.stop();
    await applySettings(admin, false);
  }
  return plans;
}

/** The report's "Plans" section (bench/report.ts): each endpoint's statement, then its plan. */
export function plansSection(plans: readonly StatementPlan[]): string {
  return `## Plans

\`EXPLAIN (ANALYZE, BUFFERS)\` of each endpoint's slowest statement, as PostgreSQL ran it for one
request after the measurements (auto_explain, switched on for that request only; bench/plans.ts).
Times include ANALYZE's own overhead; the statement's text is cut at 300 characters.

${plans.map(planText).join("\n\n")}`;
}

function planText(plan: StatementPlan): string {
  const { query } = plan;
  return `### ${plan.endpoint}: ${plan.durationMs.toFixed(1)} ms, the slowest of ${plan.statements} statements

\`\`\`text
${query.length > 300 ? `${query.slice(0, 300)}…` : query}

${plan.plan}
\`\`\``;
}
