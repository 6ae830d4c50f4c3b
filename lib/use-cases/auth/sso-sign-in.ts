import type { Database } from "@/db/client";
import { districtOf } from "@/db/queries/districts";
import { findSignInAccount } from "@/db/queries/users";
import { withTenant } from "@/db/with-tenant";
import {
  decideSsoSignIn,
  type SsoDecision,
  type SsoIssuer,
  type SsoProfile,
  ssoEmail,
} from "@/lib/domain/security/sso-sign-in";

export type SsoOutcome =
  | { ok: true; tenantId: string; userId: string }
  | Extract<SsoDecision, { ok: false }>;

/**
 * The account an SSO profile enters, when the rule (lib/domain/security/sso-sign-in.ts)
 * lets it: found by address, as password sign-in finds it, then held to the issuer's district.
 */
export async function ssoSignIn(
  db: Database,
  profile: SsoProfile,
  issuer: SsoIssuer,
): Promise<SsoOutcome> {
  const email = ssoEmail(profile);
  const found = email ? await findSignInAccount(db, email) : null;
  const account = found
    ? {
        active: found.active,
        districtSlug: (
          await withTenant(db, { tenantId: found.tenantId }, (tx) => districtOf(tx, found.tenantId))
        ).slug,
        // No account is bound to an Entra identity yet: the address of a trusted directory is
        // what matches (decision 0013 says what binding would need).
        entra: null,
      }
    : null;
  const decision = decideSsoSignIn(profile, issuer, account);
  if (!decision.ok) return decision;
  if (!found) return { ok: false, reason: "not-provisioned" };
  return { ok: true, tenantId: found.tenantId, userId: found.userId };
}
