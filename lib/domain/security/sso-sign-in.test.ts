import { describe, expect, it } from "vitest";
import { decideSsoSignIn, type SsoAccount, type SsoIssuer } from "./sso-sign-in";

const TID = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const OID = "00000000-0000-0000-66f3-3332eca7ea81";
const issuer: SsoIssuer = { districtSlug: "maple-grove", trustedTenantIds: [TID] };
const account: SsoAccount = { districtSlug: "maple-grove", active: true };
const email = "johnson@maplegrove.example";

describe("who may enter through the district's SSO", () => {
  it("takes an address the issuer confirmed", () => {
    expect(decideSsoSignIn({ email, email_verified: true }, issuer, account)).toEqual({
      ok: true,
      by: "verified-email",
    });
  });

  it("refuses an address whose email_verified is missing, false, or not the boolean true", () => {
    for (const email_verified of [undefined, false, "true", 1, null]) {
      expect(decideSsoSignIn({ email, email_verified }, issuer, account)).toEqual({
        ok: false,
        reason: "unverified",
      });
    }
  });

  it("takes Entra's tid + oid in place of email_verified, for a directory the district trusts", () => {
    expect(decideSsoSignIn({ email, tid: TID, oid: OID }, issuer, account)).toEqual({
      ok: true,
      by: "trusted-directory",
    });
    // Another directory (any Entra tenant can put any address on its users) is not vouched for.
    const stranger = "11111111-2222-3333-4444-555555555555";
    expect(decideSsoSignIn({ email, tid: stranger, oid: OID }, issuer, account)).toMatchObject({
      ok: false,
      reason: "unverified",
    });
    // Both claims are needed.
    expect(decideSsoSignIn({ email, tid: TID }, issuer, account)).toMatchObject({ ok: false });
  });

  it("matches a bound account on its stored tid + oid only", () => {
    const bound = { ...account, entra: { tid: TID, oid: OID } };
    expect(decideSsoSignIn({ email, tid: TID, oid: OID.toUpperCase() }, issuer, bound)).toEqual({
      ok: true,
      by: "entra-identity",
    });
    expect(
      decideSsoSignIn(
        { email, email_verified: true, tid: TID, oid: "someone-else" },
        issuer,
        bound,
      ),
    ).toEqual({ ok: false, reason: "identity-mismatch" });
  });

  it("signs in to the issuer's own district only", () => {
    const cedar = { districtSlug: "cedar-ridge", active: true };
    expect(decideSsoSignIn({ email, email_verified: true }, issuer, cedar)).toEqual({
      ok: false,
      reason: "other-district",
    });
    const unset = { ...issuer, districtSlug: null };
    expect(decideSsoSignIn({ email, email_verified: true }, unset, account)).toMatchObject({
      ok: false,
      reason: "other-district",
    });
  });

  it("turns away a profile without an address, and people without an active account", () => {
    expect(decideSsoSignIn({ email_verified: true }, issuer, account)).toMatchObject({
      reason: "no-email",
    });
    expect(decideSsoSignIn({ email, email_verified: true }, issuer, null)).toMatchObject({
      reason: "not-provisioned",
    });
    expect(
      decideSsoSignIn({ email, email_verified: true }, issuer, { ...account, active: false }),
    ).toMatchObject({ reason: "not-provisioned" });
  });
});
