import type { PublicContext } from "../context";
import { type PasswordLinkRefusal, withPasswordLinkAccount } from "./password-link-account";

/** What the password page shows before anything is set: whose account, or why the link is dead. */
export async function describePasswordLink(
  ctx: PublicContext,
  token: string,
): Promise<
  { state: "ready"; name: string; email: string; language: string } | PasswordLinkRefusal
> {
  return withPasswordLinkAccount(ctx, token, async (_tx, account) => ({
    state: "ready" as const,
    name: account.name,
    email: account.email,
    language: account.locale,
  }));
}
