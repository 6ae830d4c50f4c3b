import type { Database } from "@/db/client";
import type { Actor } from "@/lib/domain/policy";

/** What every use-case receives: who asks, where the data is, and what time it is. */
export interface UseCaseContext {
  /**
   * For a signed-in request, a handle whose first transaction also checks the account again
   * (db/with-tenant.ts → checkedFirst, decision 0026): reach the data only through `withTenant`.
   */
  db: Database;
  actor: Actor;
  /** Injected so tests can fix the date; requests pass lib/clock.ts's `now`. */
  now: () => Date;
  /** Correlates the audit rows of one request with the server's logs. */
  requestId: string;
}

/**
 * What a page reached by a signed link works with (a letter's opt-out, a password link): no
 * session, so the token is the only credential, verified with the key it was signed with.
 * The district comes from the token; everything is read and written in that district only.
 */
export interface PublicContext {
  db: Database;
  now: () => Date;
  requestId: string;
  /** AUTH_SECRET: the key the link's token was signed with. */
  secret: string;
}
