import type { Leak } from "./leaks";

/**
 * What the authorization check expects of one answer (issue 14, "Prove"):
 * - anonymous: an API operation the document does not mark public answers 401; a page or route
 *   of the signed-in part (`(app)`) sends to the sign-in page (or 401/404); a public page may
 *   answer, but carries no district's data;
 * - another district's id: never 2xx, and the same status a random id gets — a 403 where a
 *   random id gets 404 would confirm the record exists;
 * - one's own district: no server error, and nothing of the other district.
 * Any answer with a leak, and any 5xx (or no answer), fails.
 */
export type Mode = "anonymous" | "foreign" | "own";

export interface Observation {
  mode: Mode;
  status: number;
  leaks: Leak[];
  /** For `foreign`: what the same request with a random, nonexistent id answered. */
  probeStatus?: number;
  /** For `anonymous`: an API operation that needs credentials. */
  needsCredentials?: boolean;
  /** For `anonymous`: a page or route of the signed-in part of the app (the `(app)` group). */
  needsSignIn?: boolean;
  /** Where a redirect points. */
  location?: string | null;
}

export type Verdict = { ok: true } | { ok: false; leak: boolean; reason: string };

export function judge(observation: Observation): Verdict {
  const { mode, status, leaks } = observation;
  if (leaks.length > 0) {
    const first = leaks[0];
    return { ok: false, leak: true, reason: `leaks ${first?.kind} ${first?.value}` };
  }
  if (status === 0 || status >= 500)
    return { ok: false, leak: false, reason: `answered ${status}` };
  if (mode === "anonymous" && observation.needsCredentials && status !== 401) {
    return { ok: false, leak: false, reason: `anonymous got ${status}, not 401` };
  }
  if (mode === "anonymous" && observation.needsSignIn) {
    const toSignIn = status >= 300 && status < 400 && /\/sign-in/.test(observation.location ?? "");
    if (!toSignIn && status !== 401 && status !== 404) {
      return { ok: false, leak: false, reason: `anonymous got ${status}, not sign-in or 401` };
    }
  }
  if (mode === "foreign") {
    if (status >= 200 && status < 300) {
      return { ok: false, leak: false, reason: `another district's id got ${status}` };
    }
    if (observation.probeStatus !== undefined && status !== observation.probeStatus) {
      return {
        ok: false,
        leak: false,
        reason: `another district's id got ${status}, a random id ${observation.probeStatus}: tells that it exists`,
      };
    }
  }
  return { ok: true };
}

/** Tallies verdicts for one row of the table, keeping a few failures to name. */
export class Tally {
  requests = 0;
  leaks = 0;
  unexpected = 0;
  readonly examples: string[] = [];
  /** Every failure, for the run's log (the table shows the first few). */
  readonly failures: string[] = [];

  add(what: string, verdict: Verdict): void {
    this.requests += 1;
    if (verdict.ok) return;
    if (verdict.leak) this.leaks += 1;
    else this.unexpected += 1;
    this.failures.push(`${what}: ${verdict.reason}`);
    if (this.examples.length < 3) this.examples.push(`${what}: ${verdict.reason}`);
  }

  get ok(): boolean {
    return this.leaks === 0 && this.unexpected === 0;
  }

  figure(noun = "requests"): string {
    const base = `${this.requests} ${noun}, ${this.leaks} leaks`;
    const extra = this.unexpected > 0 ? `, ${this.unexpected} unexpected statuses` : "";
    return `${base}${extra}${this.examples.length > 0 ? ` (${this.examples.join("; ")})` : ""}`;
  }
}
