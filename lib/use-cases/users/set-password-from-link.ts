import { appendAudit } from "@/db/queries/audit";
import { actorById, setPasswordHash } from "@/db/queries/users";
import { hashPassword } from "@/lib/auth/passwords";
import type { PublicContext } from "../context";
import { type PasswordLinkRefusal, withPasswordLinkAccount } from "./password-link-account";

/**
 * The person behind a password link chooses their password (checked against the page's rules
 * by the caller's schema). Setting it changes the account's fingerprint, so this link, and any
 * other sent before it, stops working; and it ends every session open now, as switching the
 * account off does (decision 0008): whoever signed in with the old password — a browser left
 * signed in, or the person the reset is meant to lock out — must sign in again.
 */
export async function setPasswordFromLink(
  ctx: PublicContext,
  token: string,
  password: string,
): Promise<{ state: "done"; email: string } | PasswordLinkRefusal> {
  return withPasswordLinkAccount(ctx, token, async (tx, account, tenantId) => {
    const hash = await hashPassword(password);
    await setPasswordHash(tx, tenantId, account.userId, hash, ctx.now());
    const self = await actorById(tx, tenantId, account.userId);
    if (self) {
      await appendAudit(tx, self, ctx.requestId, [
        {
          action: "user.password-set",
          entityType: "user",
          entityId: account.userId,
          after: { via: "password link" },
        },
      ]);
    }
    return { state: "done" as const, email: account.email };
  });
}
