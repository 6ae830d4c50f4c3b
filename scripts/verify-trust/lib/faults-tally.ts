/**
 * Counting what a cut connection left behind (the fault check). A write is its rows together:
 * the note, its outbox event, its audit row and the stored answer to its Idempotency-Key.
 */

import type { TrustRow } from "../types";
import type { CutPlan } from "./faults-proxy";

export interface WriteRows {
  notes: number;
  events: number;
  audits: number;
  keys: number;
}

export type WriteState = "none" | "whole" | "partial";

/** None of the rows, each exactly once, or anything else (a partial or doubled write). */
export function writeState(rows: WriteRows): WriteState {
  const counts = [rows.notes, rows.events, rows.audits, rows.keys];
  if (counts.every((count) => count === 0)) return "none";
  if (counts.every((count) => count === 1)) return "whole";
  return "partial";
}

export interface FaultIteration {
  plan: CutPlan;
  /** The connection was reset and the use-case failed. */
  cut: boolean;
  afterCut: WriteRows;
  /** After retrying twice with the same key. */
  afterRetries: WriteRows;
  /** The retries answered with the same note. */
  sameAnswer: boolean;
}

/**
 * `transactionBytes` byte offsets spread evenly over the transaction, then `replies` cuts after
 * the COMMIT: every part of the write is cut somewhere.
 */
export function cutPlans(transactionBytes: number, requests: number, replies: number): CutPlan[] {
  const plans: CutPlan[] = [];
  for (let i = 0; i < requests; i++) {
    plans.push({ kind: "request", afterBytes: Math.floor((i * transactionBytes) / requests) });
  }
  for (let i = 0; i < replies; i++) plans.push({ kind: "reply" });
  return plans;
}

export function faultRows(iterations: FaultIteration[], planned: number): TrustRow[] {
  const cuts = iterations.filter((i) => i.cut).length;
  const states = iterations.map((i) => writeState(i.afterCut));
  const partial = states.filter((s) => s === "partial").length;
  const none = states.filter((s) => s === "none").length;
  const whole = states.filter((s) => s === "whole").length;
  const once = iterations.filter((i) => writeState(i.afterRetries) === "whole" && i.sameAnswer);
  const offsets = new Set(
    iterations.map((i) => (i.plan.kind === "request" ? i.plan.afterBytes : "reply")),
  ).size;
  return [
    {
      area: "faults",
      check: "connection to PostgreSQL reset mid-write (TCP proxy)",
      figure: `${cuts} of ${planned} resets at ${offsets} points of the write: ${partial} partial writes (${none} rolled back, ${whole} committed)`,
      ok: cuts === planned && partial === 0,
    },
    {
      area: "faults",
      check: "retry with the same Idempotency-Key",
      figure: `${once.length} of ${iterations.length} retries: one note, one outbox event, one audit row, one stored answer`,
      ok: iterations.length === planned && once.length === iterations.length,
    },
  ];
}
