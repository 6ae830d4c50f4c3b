/**
 * Who may enter through the district's single sign-on (issue 14, item 5). The issuer vouches
 * for a person; NorthStar decides whether that person is one of its accounts:
 *
 * - The address must be confirmed by the issuer (`email_verified: true`). Entra ID often sends
 *   no `email_verified` at all; its `tid` (the directory) and `oid` (the person in it) stand in:
 *   an account bound to that tid + oid matches on them, else the address counts only when the
 *   directory is one the district trusts (its own Entra tenant, `AUTH_OIDC_ENTRA_TENANTS`).
 * - The issuer belongs to one district (`AUTH_OIDC_DISTRICT`): its people reach accounts of
 *   that district only, so one district's directory cannot sign in to another's accounts.
 * - SSO never makes accounts: a person without an active one is turned away.
 */

/** The claims of the issuer's profile this decision reads (anything else is ignored). */
export interface SsoProfile {
  email?: unknown;
  email_verified?: unknown;
  /** Entra ID: the directory (tenant) the person belongs to. */
  tid?: unknown;
  /** Entra ID: the person's object id in that directory, which never changes. */
  oid?: unknown;
}

export interface SsoIssuer {
  /** The slug of the only district this issuer signs people in to; unset refuses everyone. */
  districtSlug: string | null;
  /** Entra directories (tid) whose e-mail addresses the district vouches for. */
  trustedTenantIds: readonly string[];
}

export interface SsoAccount {
  districtSlug: string;
  active: boolean;
  /** The Entra identity the account is bound to, when one is stored. */
  entra?: { tid: string; oid: string } | null;
}

export type SsoRefusal =
  | "no-email"
  | "unverified"
  | "not-provisioned"
  | "other-district"
  | "identity-mismatch";

export type SsoDecision =
  | { ok: true; by: "verified-email" | "entra-identity" | "trusted-directory" }
  | { ok: false; reason: SsoRefusal };

const text = (value: unknown): string | null =>
  typeof value === "string" && value.trim() !== "" ? value.trim() : null;

/** The address to look the account up by, or null when the profile has none. */
export function ssoEmail(profile: SsoProfile): string | null {
  return text(profile.email);
}

const refuse = (reason: SsoRefusal): SsoDecision => ({ ok: false, reason });

export function decideSsoSignIn(
  profile: SsoProfile,
  issuer: SsoIssuer,
  account: SsoAccount | null,
): SsoDecision {
  if (!ssoEmail(profile)) return refuse("no-email");
  if (!account?.active) return refuse("not-provisioned");
  if (!issuer.districtSlug || account.districtSlug !== issuer.districtSlug)
    return refuse("other-district");
  const tid = text(profile.tid)?.toLowerCase() ?? null;
  const oid = text(profile.oid)?.toLowerCase() ?? null;
  const bound = account.entra;
  // An account bound to one Entra person is that person's, whatever address the token shows.
  if (bound) {
    return tid === bound.tid.toLowerCase() && oid === bound.oid.toLowerCase()
      ? { ok: true, by: "entra-identity" }
      : refuse("identity-mismatch");
  }
  if (profile.email_verified === true) return { ok: true, by: "verified-email" };
  const trusted = issuer.trustedTenantIds.map((id) => id.toLowerCase());
  if (tid && oid && trusted.includes(tid)) return { ok: true, by: "trusted-directory" };
  return refuse("unverified");
}
