import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The opt-out link's token: who may opt out of what (district, enrollment, guardian) and until
 * when, signed with HMAC-SHA256 so it works without signing in and cannot be forged or edited.
 * The key is derived from AUTH_SECRET for this one purpose, so a token can never pass for a
 * session cookie or the other way round.
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

function keyFor(secret: string): Buffer {
  if (secret.length < 32)
    throw new RangeError("The signing secret must be at least 32 characters.");
  return createHmac("sha256", secret).update(PURPOSE).digest();
}

function mac(payload: string, secret: string): Buffer {
  return createHmac("sha256", keyFor(secret)).update(payload).digest();
}

export function signOptOutToken(claims: OptOutClaims, secret: string): string {
  const payload = Buffer.from(
    JSON.stringify({
      t: claims.tenantId,
      e: claims.enrollmentId,
      g: claims.guardianId,
      x: claims.expiresAt,
    }),
  ).toString("base64url");
  return `${payload}.${mac(payload, secret).toString("base64url")}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function verifyOptOutToken(token: string, secret: string, now: Date): OptOutVerification {
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined || token.length > 1000)
    return { ok: false, reason: "malformed" };
  const expected = mac(payload, secret);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: "tampered" };
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  const { t, e, g, x } = (data ?? {}) as Record<string, unknown>;
  if (
    typeof t !== "string" ||
    typeof e !== "string" ||
    typeof g !== "string" ||
    typeof x !== "number"
  ) {
    return { ok: false, reason: "malformed" };
  }
  if (![t, e, g].every((id) => UUID.test(id))) return { ok: false, reason: "malformed" };
  if (now.getTime() / 1000 > x) return { ok: false, reason: "expired" };
  return { ok: true, claims: { tenantId: t, enrollmentId: e, guardianId: g, expiresAt: x } };
}
