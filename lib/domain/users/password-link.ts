import { createHash } from "node:crypto";
import { isUuid } from "../ids";
import { signToken, verifyToken } from "../security/signed-token";

/**
 * The link that lets a person choose their password (a new account, or a reset an admin sends).
 * It names the account and carries a fingerprint of the password it replaces, so it works once:
 * the moment a password is set the fingerprint no longer matches, and every older link is dead.
 */
export interface PasswordLinkClaims {
  tenantId: string;
  userId: string;
  /** passwordFingerprint() of the account's password when the link was made. */
  fingerprint: string;
  /** Seconds since the epoch after which the link no longer works. */
  expiresAt: number;
}

const PURPOSE = "northstar/password-link/v1";

export function passwordFingerprint(passwordHash: string | null): string {
  return createHash("sha256")
    .update(passwordHash ?? "no password")
    .digest("base64url")
    .slice(0, 16);
}

export function signPasswordLink(claims: PasswordLinkClaims, secret: string): string {
  return signToken(
    PURPOSE,
    { t: claims.tenantId, u: claims.userId, f: claims.fingerprint, x: claims.expiresAt },
    secret,
  );
}

export function verifyPasswordLink(
  token: string,
  secret: string,
  now: Date,
): { ok: true; claims: PasswordLinkClaims } | { ok: false; reason: "invalid" | "expired" } {
  const verified = verifyToken(PURPOSE, token, secret, now);
  if (!verified.ok)
    return { ok: false, reason: verified.reason === "expired" ? "expired" : "invalid" };
  const { t, u, f, x } = verified.data;
  if (!isUuid(t) || !isUuid(u) || typeof f !== "string") return { ok: false, reason: "invalid" };
  return { ok: true, claims: { tenantId: t, userId: u, fingerprint: f, expiresAt: x as number } };
}
