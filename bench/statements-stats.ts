/**
 * What the app sends PostgreSQL, from pg_stat_statements (loaded by the benchmark's embedded
 * server only: db/embedded.ts): statements and round trips per request and the statements that
 * took the most time. Only the app role's statements in the benchmark's database count, so the
 * benchmark's own resets and these readings stay out of the figures.
 */
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { APP_ROLE } from "@/db/roles";

export interface StatementRow {
  queryId: string;
  query: string;
  calls: number;
  totalMs: number;
}

export interface StatementTotals {
  /**
   * Everything the app sent: statements and transaction control, each BEGIN with its COMMIT or
   * ROLLBACK. pg_stat_statements (PostgreSQL 18 here) misses most COMMITs: a run of the
   * benchmark showed 2,063 BEGIN and 10 COMMIT calls of the app role. So a transaction counts
   * two round trips whether its end was seen or not.
   */
  calls: number;
  /** The statements proper: calls without the transaction control. */
  statements: number;
  /** PostgreSQL's execution time of them, in ms. */
  execMs: number;
}

const TRANSACTION_CONTROL =
  /^\s*(begin|start\s+transaction|commit|end|rollback|savepoint|release)\b/i;

const BEGIN = /^\s*(begin|start\s+transaction)\b/i;
const END = /^\s*(commit|end|rollback)\b(?!\s+to)/i;

/** BEGIN, COMMIT, ROLLBACK, SAVEPOINT, RELEASE: a round trip, but no statement of the request. */
export function isTransactionControl(query: string): boolean {
  return TRANSACTION_CONTROL.test(query);
}

/** What happened between two readings, by statement (a statement new in `after` counts whole). */
export function statementDeltas(
  before: readonly StatementRow[],
  after: readonly StatementRow[],
): StatementRow[] {
  const earlier = new Map(before.map((row) => [row.queryId, row]));
  return after
    .map((row) => {
      const was = earlier.get(row.queryId);
      return {
        ...row,
        calls: row.calls - (was?.calls ?? 0),
        totalMs: row.totalMs - (was?.totalMs ?? 0),
      };
    })
    .filter((row) => row.calls > 0);
}

export function totalsOf(rows: readonly StatementRow[]): StatementTotals {
  let statements = 0;
  let begins = 0;
  let ends = 0;
  let savepoints = 0;
  let execMs = 0;
  for (const row of rows) {
    execMs += row.totalMs;
    if (!isTransactionControl(row.query)) statements += row.calls;
    else if (BEGIN.test(row.query)) begins += row.calls;
    else if (END.test(row.query)) ends += row.calls;
    else savepoints += row.calls;
  }
  return { calls: statements + savepoints + begins + Math.max(begins, ends), statements, execMs };
}

/** A statement's text for a one-line table cell: no schema prefix or quotes, one line, short. */
export function shortStatement(query: string, length = 160): string {
  const text = query
    .replaceAll('"intervention".', "")
    .replaceAll('"', "")
    .replace(/\s+/g, " ")
    .replaceAll("|", "\\|")
    .trim();
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/** Loads the view into the benchmark's database and starts its counts from zero. */
export async function resetStatStatements(admin: Database): Promise<void> {
  await admin.execute(sql`create extension if not exists pg_stat_statements`);
  await admin.execute(sql`select pg_stat_statements_reset()`);
}

/** The app role's statements in this database so far. */
export async function readStatements(admin: Database): Promise<StatementRow[]> {
  const rows = await admin.execute<{
    query_id: string;
    query: string;
    calls: string;
    total_ms: number;
  }>(sql`
    select s.queryid::text as query_id, s.query, s.calls::text as calls,
           s.total_exec_time as total_ms
    from pg_stat_statements s
    join pg_roles r on r.oid = s.userid
    where r.rolname = ${APP_ROLE}
      and s.dbid = (select oid from pg_database where datname = current_database())`);
  return rows.map((r) => ({
    queryId: r.query_id,
    query: r.query,
    calls: Number(r.calls),
    totalMs: Number(r.total_ms),
  }));
}

/** "`statement` 1.0× 12.3 ms; …": a measurement's top statements, calls and ms per request. */
export function topPerRequestText(rows: readonly StatementRow[]): string {
  return rows
    .map(
      (r) => `\`${shortStatement(r.query, 90)}\` ${r.calls.toFixed(1)}× ${r.totalMs.toFixed(1)} ms`,
    )
    .join("; ");
}

/** The `n` statements with the most execution time. */
export function topStatements(rows: readonly StatementRow[], n = 10): StatementRow[] {
  return [...rows].sort((a, b) => b.totalMs - a.totalMs).slice(0, n);
}
