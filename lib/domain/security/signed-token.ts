import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Tokens for links that work without signing in (a letter's opt-out, an account's password
 * link): a JSON payload and its HMAC-SHA256, both base64url. Each kind of link has its own
 * purpose string, from which its key is derived (with AUTH_SECRET), so a token made for one
 * purpose never passes for another, nor for a session cookie. The payload's `x` is its expiry
 * in seconds since the epoch.
 */
export type SignedTokenCheck =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; reason: "malformed" | "tampered" | "expired" };

function keyFor(purpose: string, secret: string): Buffer {
  if (secret.length < 32)
    throw new RangeError("The signing secret must be at least 32 characters.");
  return createHmac("sha256", secret).update(purpose).digest();
}

function mac(purpose: string, payload: string, secret: string): Buffer {
  return createHmac("sha256", keyFor(purpose, secret)).update(payload).digest();
}

export function signToken(
  purpose: string,
  data: Record<string, unknown> & { x: number },
  secret: string,
): string {
  const payload = Buffer.from(JSON.stringify(data)).toString("base64url");
  return `${payload}.${mac(purpose, payload, secret).toString("base64url")}`;
}

export function verifyToken(
  purpose: string,
  token: string,
  secret: string,
  now: Date,
): SignedTokenCheck {
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined || token.length > 1000)
    return { ok: false, reason: "malformed" };
  const expected = mac(purpose, payload, secret);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: "tampered" };
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (typeof data !== "object" || data === null || Array.isArray(data))
    return { ok: false, reason: "malformed" };
  const expiresAt = (data as Record<string, unknown>).x;
  if (typeof expiresAt !== "number") return { ok: false, reason: "malformed" };
  if (now.getTime() / 1000 > expiresAt) return { ok: false, reason: "expired" };
  return { ok: true, data: data as Record<string, unknown> };
}
