import { isUuid } from "../ids";
import { signToken, verifyToken } from "../security/signed-token";

/**
 * The opt-out link's token: who may opt out of what (district, enrollment, guardian) and until
 * when, signed (security/signed-token) so it works without signing in and cannot be forged or
 * edited.
 */
export interface OptOutClaims {
  tenantId: string;
  enrollmentId: string;
  guardianId: string;
  /** Seconds since the epoch after which the link no longer works. */
  expiresAt: number;
}

export type OptOutVerification =
  | { ok: true; claims: OptOutClaims }
  | { ok: false; reason: "malformed" | "tampered" | "expired" };

/** How long an opt-out link works after the letter is written. */
export const OPT_OUT_LINK_DAYS = 60;

const PURPOSE = "northstar/opt-out-link/v1";

export function signOptOutToken(claims: OptOutClaims, secret: string): string {
  return signToken(
    PURPOSE,
    { t: claims.tenantId, e: claims.enrollmentId, g: claims.guardianId, x: claims.expiresAt },
    secret,
  );
}

export function verifyOptOutToken(token: string, secret: string, now: Date): OptOutVerification {
  const verified = verifyToken(PURPOSE, token, secret, now);
  if (!verified.ok) return verified;
  const { t, e, g, x } = verified.data;
  if (!isUuid(t) || !isUuid(e) || !isUuid(g)) return { ok: false, reason: "malformed" };
  return {
    ok: true,
    claims: { tenantId: t, enrollmentId: e, guardianId: g, expiresAt: x as number },
  };
}
