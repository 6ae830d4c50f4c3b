import { describe, expect, it } from "vitest";
import { signOptOutToken } from "../letters/opt-out-token";
import { passwordFingerprint, signPasswordLink, verifyPasswordLink } from "./password-link";

const secret = "k".repeat(40);
const now = new Date("2026-11-25T15:00:00Z");
const claims = {
  tenantId: "11111111-1111-4111-8111-111111111111",
  userId: "22222222-2222-4222-8222-222222222222",
  fingerprint: passwordFingerprint(null),
  expiresAt: now.getTime() / 1000 + 3600,
};

describe("password links", () => {
  it("carry the account and the fingerprint of the password they replace", () => {
    const token = signPasswordLink(claims, secret);
    expect(verifyPasswordLink(token, secret, now)).toEqual({ ok: true, claims });
  });

  it("are refused when edited, signed with another key, expired, or made for another purpose", () => {
    const token = signPasswordLink(claims, secret);
    const [payload, mac] = token.split(".");
    const edited = `${Buffer.from(JSON.stringify({ t: claims.tenantId, u: claims.tenantId, f: "x", x: 9e9 })).toString("base64url")}.${mac}`;
    expect(verifyPasswordLink(edited, secret, now)).toEqual({ ok: false, reason: "invalid" });
    expect(verifyPasswordLink(token, "o".repeat(40), now)).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(verifyPasswordLink(`${payload}`, secret, now)).toEqual({ ok: false, reason: "invalid" });
    const later = new Date(now.getTime() + 2 * 3600_000);
    expect(verifyPasswordLink(token, secret, later)).toEqual({ ok: false, reason: "expired" });
    const optOut = signOptOutToken(
      {
        tenantId: claims.tenantId,
        enrollmentId: claims.userId,
        guardianId: claims.userId,
        expiresAt: claims.expiresAt,
      },
      secret,
    );
    expect(verifyPasswordLink(optOut, secret, now)).toEqual({ ok: false, reason: "invalid" });
  });

  it("fingerprint each password differently, and no password too", () => {
    const none = passwordFingerprint(null);
    expect(passwordFingerprint("$argon2id$a")).not.toBe(passwordFingerprint("$argon2id$b"));
    expect(passwordFingerprint("$argon2id$a")).not.toBe(none);
    expect(none).toHaveLength(16);
  });
});
