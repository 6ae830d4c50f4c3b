/** The benchmark's table, on the terminal and in docs/benchmarks.md. */

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { ratioText } from "@/scripts/lib/latency";
import type { BenchDataset } from "./dataset";
import { SCALE, SCALE_FACTOR } from "./dataset-shape";
import type { Machine } from "./machine";
import type { Measurement } from "./measure";
import { PAGES_MEASURED } from "./pages-scenarios";
import { plansSection, type StatementPlan } from "./plans";
import { type StatementRow, shortStatement, topPerRequestText } from "./statements-stats";

export interface Comparison {
  endpoint: string;
  /** The spec's P95 target in ms, where it names one. */
  sloMs: number | null;
  measured: Measurement;
  floor: Measurement;
}

const ms = (value: number | null) => (value === null ? "—" : value.toFixed(1));

const HEADER = [
  "Endpoint",
  "Conns",
  "P50 ms",
  "P95 ms",
  "P99 ms",
  "Req/s",
  "Failed",
  "Floor P50",
  "Floor P95",
  "P95 ÷ floor",
  "SLO P95",
  "CPU ms/req Next",
  "CPU ms/req PG",
  "Statements/req",
  "Round trips/req",
];

const perRequest = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined ? "—" : value.toFixed(digits);

function row(c: Comparison): string[] {
  const m = c.measured;
  return [
    c.endpoint,
    String(m.connections),
    ms(m.p50),
    ms(m.p95),
    ms(m.p99),
    m.requestsPerSecond.toFixed(0),
    String(m.failures),
    ms(c.floor.p50),
    ms(c.floor.p95),
    ratioText(m.p95, c.floor.p95),
    c.sloMs === null ? "—" : `< ${c.sloMs}`,
    perRequest(m.cost?.nextCpuMs),
    perRequest(m.cost?.pgCpuMs),
    perRequest(m.cost?.statements),
    perRequest(m.cost?.roundTrips),
  ];
}

/**
 * A markdown table with every column padded to its widest cell (numbers right-aligned), the
 * shape Biome's formatter gives markdown, so the written report passes \`npm run lint\` as is
 * and reads as a table on the terminal too.
 */
export function markdownTable(
  header: string[],
  rows: string[][],
  rightAligned: (column: number) => boolean,
): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(3, ...all.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => (rightAligned(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join(" | ")} |`;
  const rule = `| ${widths.map((w, i) => (rightAligned(i) ? `${"-".repeat(w - 1)}:` : "-".repeat(w))).join(" | ")} |`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

const resultsTable = (comparisons: Comparison[]) =>
  markdownTable(HEADER, comparisons.map(row), (column) => column > 0);

export function printTable(comparisons: Comparison[]): void {
  console.log(`\n${resultsTable(comparisons)}\n`);
}

/** What each row of the results measures, beside its floor. */
const MEASURED = [
  [
    "create intervention",
    "`POST /api/v1/interventions` with 6 students, 8 weeks × Mon/Wed/Fri: 24 sessions, 6 enrollments, 7 audit rows and 7 outbox events in one transaction, a fresh `Idempotency-Key` each",
    "`POST /api/v1/_bench/floor`: one tenant-scoped insert",
  ],
  [
    "record attendance",
    "`POST /api/v1/sessions/{id}/attendance`: 6 marks and session notes, first save of a different session each time, fresh `Idempotency-Key`",
    "the same insert floor",
  ],
  [
    "progress chart",
    "`GET /api/v1/students/{id}/progress` of students in three interventions over the year (up to 36 probes and 21 notes each)",
    "`GET /api/v1/_bench/floor`: one tenant-scoped select by primary key",
  ],
  [
    "effectiveness, one group",
    `\`GET /api/v1/interventions/{id}/effectiveness\` of a different group each time (any of the ${SCALE.interventions.toLocaleString("en-US")}, completed or active: 6 students, up to 36 sessions, probes and notes), as the specialist, so with the cost to date in money (the group's budget over its sessions held); measured after one pass of the refresh-effectiveness-summaries job, as a running worker keeps them`,
    "the same select floor",
  ],
  [
    "district table",
    `\`GET /api/v1/reports/district-effectiveness\` as a district admin: every active group of the district (the dataset's ${SCALE.activeInterventions.toLocaleString("en-US")}) with its figures and money cost from their summaries (after the same pass), the inputs of any stale one read set-based`,
    "the same select floor",
  ],
  [
    "conflict check, free",
    "`POST /api/v1/schedule/check` of a new group: 18 weeks × Mon/Wed/Fri (54 sessions) for the facilitator, room and 6 students of a running group (a different one each time), at 14:30 when all are free: no conflict",
    "the same select floor (the check writes nothing)",
  ],
  [
    "conflict check, clashing",
    "the same plan at that group's own time: every one of its sessions in the window conflicts (facilitator, room, 6 students), so up to five alternatives are searched for too",
    "the same select floor",
  ],
  ...PAGES_MEASURED,
];

const topStatementsTable = (rows: readonly StatementRow[]) =>
  markdownTable(
    ["#", "Calls", "Total ms", "Mean ms", "Statement"],
    rows.map((r, i) => [
      String(i + 1),
      String(r.calls),
      r.totalMs.toFixed(0),
      (r.totalMs / r.calls).toFixed(2),
      `\`${shortStatement(r.query)}\``,
    ]),
    (column) => column < 4,
  );

const execText = (cost: Measurement["cost"]) =>
  cost?.pgExecMs == null ? "" : `; ${cost.pgExecMs.toFixed(1)} ms a request executing statements`;

const costText = (cost: Measurement["cost"]) =>
  cost
    ? `; per request CPU ${perRequest(cost.nextCpuMs)} ms Next, ${perRequest(cost.pgCpuMs)} ms PostgreSQL, ${perRequest(cost.statements)} statements, ${perRequest(cost.roundTrips)} round trips`
    : "";

export function writeReport(
  file: string,
  details: {
    date: Date;
    machine: Machine;
    dataset: BenchDataset;
    seconds: number;
    comparisons: Comparison[];
    floors: Measurement[];
    /** What each conflict check shape answered and read, as run.ts checked it before measuring. */
    checkShapes: string[];
    checkWeeks: number;
    /** The app's statements with the most PostgreSQL time over the whole run. */
    topStatements: readonly StatementRow[];
    /** The plan of each endpoint's slowest statement, one request each (bench/plans.ts). */
    plans: readonly StatementPlan[];
  },
): void {
  const { machine: m, dataset } = details;
  const counts = Object.entries(dataset.counts)
    .filter(([table]) => table !== "buildSeconds")
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([table, n]) => `${table} ${n.toLocaleString("en-US")}`)
    .join(", ");
  const verdicts = details.comparisons.map((c) => {
    const { p95 } = c.measured;
    const withinFloor = p95 !== null && c.floor.p95 !== null && p95 <= 2 * c.floor.p95;
    const slo =
      c.sloMs === null || p95 === null
        ? ""
        : p95 < c.sloMs
          ? `, under the ${c.sloMs} ms target`
          : `, over the ${c.sloMs} ms target`;
    if (c.measured.count === 0) {
      return `- ${c.endpoint} at ${c.measured.connections}: no response within the ${details.seconds} s measured (each took longer; a longer BENCH_SECONDS measures it).`;
    }
    return `- ${c.endpoint} at ${c.measured.connections}: P95 ${ms(p95)} ms, ${withinFloor ? "within" : "more than"} 2× its floor (${ratioText(p95, c.floor.p95)})${slo}${execText(c.measured.cost)}.`;
  });
  const failures = details.comparisons
    .filter((c) => c.measured.failures > 0)
    .map(
      (c) =>
        `${c.endpoint} (${c.measured.connections}): ${JSON.stringify(c.measured.failureStatuses)}`,
    );
  const text = `# Benchmarks

\`npm run bench${SCALE_FACTOR === 1 ? "" : ` -- --scale ${SCALE_FACTOR}`}\` (bench/run.ts) measures the API and the most-opened pages at district scale beside
a floor measured in the same run, with what each request costs in CPU and statements. The run
rewrites this file up to "Where the time goes"; the numbers below are from the latest.

## Latest run

- Date: ${details.date.toISOString()}
- Machine: ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB memory, ${m.os}; 1-minute load
  average ${m.loadAverage} at the end of the run${m.loadAverage > m.cpus ? ` (above ${m.cpus}: other work was competing for the CPUs)` : ""}
- Software: Node ${m.node}, ${m.postgres}, \`next start\` (production build), embedded PostgreSQL
  on the same machine
- Dataset (built ${dataset.builtAt}, once, in ${dataset.counts.buildSeconds ?? "?"} s): ${counts}${dataset.studentOverlaps === undefined ? "" : `; students in two groups at once: ${dataset.studentOverlaps}`}
- Conflict check plans (${details.checkWeeks} weeks): ${details.checkShapes.join("; ")}
- Each measurement: ${details.seconds} s of autocannon at 1 and 10 connections (the pages at 1) after a
  1 s warm-up, latencies of every successful response (nearest-rank percentiles)

${resultsTable(details.comparisons)}

${verdicts.join("\n")}

Floors of this run: ${details.floors
    .map(
      (f) =>
        `${f.scenario} at ${f.connections}: P50 ${ms(f.p50)} ms, P95 ${ms(f.p95)} ms, ${f.requestsPerSecond.toFixed(0)} req/s${costText(f.cost)}`,
    )
    .join("; ")}.
${failures.length > 0 ? `\nFailed requests: ${failures.join("; ")}.\n` : ""}
## Top statements

The app's ${details.topStatements.length} statements with the most PostgreSQL execution time over the whole run (warm-ups,
checks and every measurement; pg_stat_statements, the app role only; parameters as \`$n\`):

${topStatementsTable(details.topStatements)}

Each measurement's three statements with the most execution time, with calls and ms of
PostgreSQL time per request:

${details.comparisons
  .filter((c) => c.measured.cost && c.measured.cost.top.length > 0)
  .map(
    (c) =>
      `- ${c.endpoint} at ${c.measured.connections}: ${topPerRequestText(c.measured.cost!.top)}`,
  )
  .join("\n")}

${plansSection(details.plans)}

## What is measured

${markdownTable(["Endpoint", "Request", "Floor"], MEASURED, () => false)}

Both floors go through the same route wrapper as every endpoint (the actor re-read from the
database on each request, problem+json errors) and one \`withTenant\` transaction, so the ratio
shows what each endpoint adds over the cheapest request this stack can serve. The floor route
exists only when \`NORTHSTAR_BENCH_FLOOR=1\` (the benchmark sets it); otherwise it answers 404.

What each request costs, read just before and after each measurement's seconds and divided by
the requests sent (failed ones too): CPU ms of the \`next start\` process and its children and of
the whole embedded PostgreSQL server (postmaster, backends and background workers, with the time
of backends that ended in between), from their \`/proc/<pid>/stat\` user and system time
(bench/cpu-proc.ts); statements (without BEGIN, COMMIT, ROLLBACK, SAVEPOINT, RELEASE) and round
trips (all of them, each BEGIN with its COMMIT, as pg_stat_statements misses most COMMITs) the
app role sent, from pg_stat_statements with utility statements tracked
(bench/statements-stats.ts; the benchmark's server alone loads it). Statements sent together in
one pipeline count one each. The load generator runs in the benchmark's own process and counts
in neither. On a shared machine CPU time is steadier than latency, as it does not include the
waiting for a CPU.

${preserved(file)}`;
  writeFileSync(file, text);
}

/**
 * The hand-written part of the report, from "Where the time goes" on: kept as the file has it,
 * so notes written between runs are not lost.
 */
function preserved(file: string): string {
  const text = existsSync(file) ? readFileSync(file, "utf8") : "";
  const start = text.indexOf(HAND_WRITTEN);
  return start < 0 ? `${HAND_WRITTEN}\n\nNot written yet.\n` : text.slice(start);
}

const HAND_WRITTEN = "## Where the time goes";
