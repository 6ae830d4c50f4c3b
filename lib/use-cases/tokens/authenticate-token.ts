import type { Database } from "@/db/client";
import { findApiToken, tokenContext, touchApiToken } from "@/db/queries/tokens";
import { actorById } from "@/db/queries/users";
import { withTenant } from "@/db/with-tenant";
import { UnauthenticatedError } from "@/lib/domain/errors";
import { type Actor, canManageApiTokens, isTokenRole } from "@/lib/domain/policy";
import { hashApiToken } from "./secret";

/** An actor that is a bearer token rather than a person at a browser. */
export interface TokenActor extends Actor {
  apiToken: { id: string; name: string };
}

/** Prefix of the request id audit rows carry when a token made the request. */
export const API_TOKEN_REQUEST = "api-token:";

export const viaApiToken = (requestId: string | null) => !!requestId?.startsWith(API_TOKEN_REQUEST);

export function isTokenActor(actor: Actor): actor is TokenActor {
  return "apiToken" in actor;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * The actor of an `Authorization: Bearer <token>` header: district and role from the token,
 * and as user the admin who created it, so the audit trail names a person. Unknown, malformed
 * or revoked tokens are 401, and so is a token whose creator is no longer an active district
 * admin: a token must not outlive its creator's own right to make it (an admin who left, or was
 * moved to another role, would otherwise keep the district's data flowing to their script).
 * A token past its `expires_at` (by the app's clock) is 401 too. Use is recorded (`last_used_at`, at most once a minute).
 */
export async function authenticateToken(
  db: Database,
  authorization: string,
  now: Date,
): Promise<TokenActor> {
  const token = BEARER.exec(authorization)?.[1];
  if (!token) throw new UnauthenticatedError('Send the token as "Authorization: Bearer <token>".');
  const found = await findApiToken(db, hashApiToken(token));
  const role = found?.role ?? "";
  if (!found || found.revoked || !isTokenRole(role)) {
    throw new UnauthenticatedError("This API token is not valid, or it was revoked.");
  }
  if (found.expiresAt <= now) {
    throw new UnauthenticatedError(
      `This API token expired on ${found.expiresAt.toISOString().slice(0, 10)}; ask a district admin for a new one.`,
    );
  }
  const userId = found.createdBy;
  if (!userId) throw new UnauthenticatedError("This API token has no creator; create a new one.");
  return withTenant(db, { tenantId: found.tenantId, userId }, async (tx) => {
    const details = await tokenContext(tx, found.tenantId, found.tokenId);
    if (!details) throw new UnauthenticatedError("This API token was revoked.");
    const creator = await actorById(tx, found.tenantId, userId);
    if (!creator || !canManageApiTokens(creator)) {
      throw new UnauthenticatedError(
        "The admin who created this API token is no longer an active district admin; ask a current admin for a new token.",
      );
    }
    await touchApiToken(tx, found.tenantId, found.tokenId, now);
    return {
      userId,
      tenantId: found.tenantId,
      role,
      name: `API token "${details.name}"`,
      email: "",
      staffId: null,
      guardianId: null,
      districtName: details.districtName,
      timeZone: details.timeZone,
      locale: "en",
      apiToken: { id: found.tokenId, name: details.name },
    };
  });
}
