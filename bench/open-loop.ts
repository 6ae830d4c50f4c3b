/**
 * An open-loop load: requests leave at a fixed rate whatever the server answers, as users do,
 * unlike autocannon's closed loop (a new request only after an answer), which slows down with a
 * slow server and so hides its queue. Each latency is measured from the request's intended send
 * time, not from when the timer happened to fire, so a stalled driver or server cannot leave
 * its waiting time out of the numbers (coordinated omission).
 */
import { type LatencySummary, summarize } from "@/scripts/lib/latency";

/** When the i-th request (0, 1, …) is due, in milliseconds after the start. */
export const intendedOffset = (i: number, ratePerSecond: number) => (i * 1000) / ratePerSecond;

/** How many requests a run of `seconds` at `ratePerSecond` sends. */
export const plannedCount = (ratePerSecond: number, seconds: number) =>
  Math.floor(ratePerSecond * seconds);

/**
 * The kinds of a mix in the order they are sent: smooth weighted round robin (each turn every
 * kind gains its weight, the richest is sent and pays the total), so any window of requests
 * holds each kind in proportion to its weight, deterministically.
 */
export function weightedCycle<K extends string>(weights: Record<K, number>): () => K {
  const kinds = (Object.keys(weights) as K[]).filter((kind) => weights[kind] > 0);
  if (kinds.length === 0) throw new Error("A mix needs a kind with a weight above 0");
  const total = kinds.reduce((sum, kind) => sum + weights[kind], 0);
  const credit = new Map<K, number>(kinds.map((kind) => [kind, 0]));
  return () => {
    let best = kinds[0] as K;
    for (const kind of kinds) {
      credit.set(kind, (credit.get(kind) ?? 0) + weights[kind]);
      if ((credit.get(kind) ?? 0) > (credit.get(best) ?? 0)) best = kind;
    }
    credit.set(best, (credit.get(best) ?? 0) - total);
    return best;
  };
}

/** One request's outcome: the HTTP status, or 0 when no answer came (a network error). */
export interface Outcome {
  kind: string;
  status: number;
  /** From the intended send time to the end of the answer's body. */
  latencyMs: number;
  /** How late the driver sent it after its intended time (its own lag, for the report). */
  sendLagMs: number;
}

export interface KindSummary extends LatencySummary {
  kind: string;
  errors: number;
  statuses: Record<string, number>;
  /** Requests of the kind sent per second of the run. */
  achievedRate: number;
}

/** Per kind: latencies of 2xx answers, errors (anything else), and the rate achieved. */
export function summarizeOutcomes(outcomes: readonly Outcome[], seconds: number): KindSummary[] {
  const byKind = new Map<string, Outcome[]>();
  for (const outcome of outcomes) {
    const list = byKind.get(outcome.kind);
    if (list) list.push(outcome);
    else byKind.set(outcome.kind, [outcome]);
  }
  return [...byKind].map(([kind, list]) => {
    const ok = list.filter((o) => o.status >= 200 && o.status < 300);
    const statuses: Record<string, number> = {};
    for (const o of list) {
      if (o.status < 200 || o.status >= 300) statuses[o.status] = (statuses[o.status] ?? 0) + 1;
    }
    return {
      kind,
      ...summarize(ok.map((o) => o.latencyMs)),
      errors: list.length - ok.length,
      statuses,
      achievedRate: list.length / seconds,
    };
  });
}

export interface OpenLoopOptions {
  ratePerSecond: number;
  seconds: number;
  /** The kind of the i-th request. */
  kindOf: (i: number) => string;
  /** Sends one request of a kind and resolves with its status once its body is read. */
  send: (kind: string) => Promise<number>;
  /** The clock (performance.now by default); tests pass their own. */
  clock?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Sends `plannedCount` requests at their intended times and waits for every answer. A timer
 * that wakes late sends every request already due at once, each still timed from its own
 * intended time.
 */
export async function runOpenLoop(options: OpenLoopOptions): Promise<Outcome[]> {
  const clock = options.clock ?? (() => performance.now());
  const sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  const total = plannedCount(options.ratePerSecond, options.seconds);
  const start = clock();
  const pending: Promise<Outcome>[] = [];
  for (let i = 0; i < total; i++) {
    const intended = start + intendedOffset(i, options.ratePerSecond);
    const wait = intended - clock();
    if (wait > 0) await sleep(wait);
    const kind = options.kindOf(i);
    const sentAt = clock();
    pending.push(
      options.send(kind).then(
        (status) => ({ kind, status, latencyMs: clock() - intended, sendLagMs: sentAt - intended }),
        () => ({ kind, status: 0, latencyMs: clock() - intended, sendLagMs: sentAt - intended }),
      ),
    );
  }
  return Promise.all(pending);
}
