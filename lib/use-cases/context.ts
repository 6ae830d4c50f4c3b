import type { Database } from "@/db/client";
import type { Actor } from "@/lib/domain/policy";

/** What every use-case receives: who asks, where the data is, and what time it is. */
export interface UseCaseContext {
  db: Database;
  actor: Actor;
  /** Injected so tests can fix the date; production passes `() => new Date()`. */
  now: () => Date;
  /** Correlates the audit rows of one request with the server's logs. */
  requestId: string;
}
