import type { Tx } from "@/db/client";
import { accountForUpdate } from "@/db/queries/users";
import { withTenant } from "@/db/with-tenant";
import { passwordFingerprint, verifyPasswordLink } from "@/lib/domain/users/password-link";
import type { PublicContext } from "../context";

export type PasswordLinkAccount = NonNullable<Awaited<ReturnType<typeof accountForUpdate>>>;

/** Why a password link cannot be used: broken or unknown, out of date, or used already. */
export type PasswordLinkRefusal = { state: "invalid" | "expired" | "used" };

/**
 * Verifies a password link and runs `fn` with its account, locked, in the link's district:
 * only while the account is active and its password is still the one the link was made for.
 */
export async function withPasswordLinkAccount<T>(
  ctx: PublicContext,
  token: string,
  fn: (tx: Tx, account: PasswordLinkAccount, tenantId: string) => Promise<T>,
): Promise<T | PasswordLinkRefusal> {
  const verified = verifyPasswordLink(token, ctx.secret, ctx.now());
  if (!verified.ok) return { state: verified.reason };
  const { claims } = verified;
  return withTenant(ctx.db, { tenantId: claims.tenantId }, async (tx) => {
    const account = await accountForUpdate(tx, claims.tenantId, claims.userId);
    if (!account?.active) return { state: "invalid" as const };
    if (passwordFingerprint(account.passwordHash) !== claims.fingerprint)
      return { state: "used" as const };
    return fn(tx, account, claims.tenantId);
  });
}
