/**
 * What one measurement cost the machine, per request: CPU of the Next process and of PostgreSQL
 * (bench/cpu-proc.ts), statements, round trips and execution time in PostgreSQL
 * (bench/statements-stats.ts). Read before and after the measured seconds, so a warm-up and the
 * resets between measurements stay out of it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Database } from "@/db/client";
import { cpuMsOfTrees, cpuMsPerRequest, postmasterPid } from "./cpu-proc";
import {
  readStatements,
  type StatementRow,
  statementDeltas,
  topStatements,
  totalsOf,
} from "./statements-stats";

export interface RequestCost {
  /** CPU ms of the `next start` process (and any children) per request. */
  nextCpuMs: number | null;
  /** CPU ms of the whole PostgreSQL server (postmaster, backends, background workers). */
  pgCpuMs: number | null;
  /** Statements per request, without transaction control. */
  statements: number | null;
  /** Everything sent per request: statements plus BEGIN, COMMIT and the like. */
  roundTrips: number | null;
  /** PostgreSQL's execution time per request (pg_stat_statements' total_exec_time). */
  pgExecMs: number | null;
  /** The measurement's three statements with the most execution time, per request. */
  top: StatementRow[];
}

/** Starts a reading; calling what it returns with the request count ends it. */
export type CostMeter = () => Promise<(requests: number) => Promise<RequestCost>>;

/** The postmaster of the embedded server whose data folder is `pgDir`. */
export function embeddedPostmaster(pgDir: string): number {
  return postmasterPid(readFileSync(path.join(pgDir, "postmaster.pid"), "utf8"));
}

export function costMeter(nextPid: number, postgresPid: number, admin: Database): CostMeter {
  return async () => {
    const statementsBefore = await readStatements(admin);
    const [nextBefore, pgBefore] = cpuMsOfTrees([nextPid, postgresPid]);
    return async (requests) => {
      const [nextAfter, pgAfter] = cpuMsOfTrees([nextPid, postgresPid]);
      const deltas = statementDeltas(statementsBefore, await readStatements(admin));
      const totals = totalsOf(deltas);
      const perRequest = (value: number) => (requests > 0 ? value / requests : null);
      return {
        nextCpuMs: cpuMsPerRequest(nextBefore!, nextAfter!, requests),
        pgCpuMs: cpuMsPerRequest(pgBefore!, pgAfter!, requests),
        statements: perRequest(totals.statements),
        roundTrips: perRequest(totals.calls),
        pgExecMs: perRequest(totals.execMs),
        top: topStatements(deltas, 3).map((row) => ({
          ...row,
          calls: row.calls / Math.max(1, requests),
          totalMs: row.totalMs / Math.max(1, requests),
        })),
      };
    };
  };
}
