import { describe, expect, it } from "vitest";
import { signOptOutToken, verifyOptOutToken } from "./opt-out-token";

const secret = "s".repeat(40);
const claims = {
  tenantId: "11111111-1111-4111-8111-111111111111",
  enrollmentId: "22222222-2222-4222-8222-222222222222",
  guardianId: "33333333-3333-4333-8333-333333333333",
  expiresAt: Date.UTC(2026, 11, 1) / 1000,
};
const before = new Date(Date.UTC(2026, 10, 25));

describe("opt-out tokens", () => {
  it("round-trips the claims before they expire", () => {
    expect(verifyOptOutToken(signOptOutToken(claims, secret), secret, before)).toEqual({
      ok: true,
      claims,
    });
  });

  it("refuses an expired token", () => {
    const token = signOptOutToken(claims, secret);
    expect(verifyOptOutToken(token, secret, new Date(Date.UTC(2026, 11, 2)))).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("refuses a token whose claims were edited, or signed with another secret", () => {
    const token = signOptOutToken(claims, secret);
    const [, signature] = token.split(".");
    const other = Buffer.from(
      JSON.stringify({
        t: claims.tenantId,
        e: claims.enrollmentId,
        g: claims.tenantId,
        x: claims.expiresAt,
      }),
    ).toString("base64url");
    expect(verifyOptOutToken(`${other}.${signature}`, secret, before)).toEqual({
      ok: false,
      reason: "tampered",
    });
    expect(verifyOptOutToken(signOptOutToken(claims, "t".repeat(40)), secret, before)).toEqual({
      ok: false,
      reason: "tampered",
    });
  });

  it("refuses garbage", () => {
    for (const token of ["", "abc", "a.b.c", `${"x".repeat(2000)}.y`]) {
      expect(verifyOptOutToken(token, secret, before).ok).toBe(false);
    }
  });
});
