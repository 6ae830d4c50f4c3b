import { messageSentSince } from "@/db/queries/communications/mailbox";
import { districtOf } from "@/db/queries/districts";
import { accountForUpdate, findSignInAccount } from "@/db/queries/users";
import { withTenant } from "@/db/with-tenant";
import type { PublicContext } from "../context";
import { PASSWORD_LINK_KIND, queuePasswordLink } from "./queue-password-link";

/** One link per address in this time: enough to retry, too few to flood someone's inbox. */
export const PASSWORD_LINK_INTERVAL_MINUTES = 10;

/**
 * "Forgot your password?": e-mails the account's owner a link to choose a new one. The answer
 * is the same whether or not the address has an account (the caller shows one message), so the
 * page does not tell who uses NorthStar. Switched-off accounts get nothing.
 */
export async function requestPasswordLink(ctx: PublicContext, email: string): Promise<void> {
  const found = await findSignInAccount(ctx.db, email);
  if (!found?.active) return;
  const now = ctx.now();
  await withTenant(ctx.db, { tenantId: found.tenantId }, async (tx) => {
    const account = await accountForUpdate(tx, found.tenantId, found.userId);
    if (!account?.active) return;
    const district = await districtOf(tx, found.tenantId);
    const since = new Date(now.getTime() - PASSWORD_LINK_INTERVAL_MINUTES * 60_000);
    if (await messageSentSince(tx, found.tenantId, PASSWORD_LINK_KIND, account.email, since))
      return;
    await queuePasswordLink(tx, {
      district: { id: district.id, name: district.name, timeZone: district.timeZone },
      account,
      why: { kind: "reset" },
      now,
    });
  });
}
