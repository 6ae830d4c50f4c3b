import type { Database } from "@/db/client";
import { revokeSessionsUpTo } from "@/db/queries/users";
import { withTenant } from "@/db/with-tenant";

/** What a session cookie says about itself (lib/server/auth.ts → NorthstarClaims). */
interface EndedSession {
  tenantId: string;
  userId: string;
  /** When that browser signed in (the epoch for a cookie from before the claim existed). */
  signedInAt: Date;
}

/**
 * Sign-out, for good. The session is a signed cookie (a JWT) that the server does not store,
 * so clearing it in this browser would leave a copy — taken from a shared computer, a proxy
 * log or a backup — working until it expires (12 hours). Nothing records one cookie alone
 * without a table of ended sessions, so this ends every session of the person that began no
 * later than this one, through the same `sessions_revoked_at` that switching an account off
 * uses (decision 0008). Sessions begun later elsewhere carry on. docs/decisions/0013 says more.
 */
export async function endSession(db: Database, session: EndedSession): Promise<void> {
  await withTenant(db, { tenantId: session.tenantId, userId: session.userId }, (tx) =>
    revokeSessionsUpTo(tx, session.tenantId, session.userId, session.signedInAt),
  );
}
