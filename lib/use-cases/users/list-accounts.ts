import { listDistrictAccounts } from "@/db/queries/users";
import { withTenant } from "@/db/with-tenant";
import { canManageAccounts } from "@/lib/domain/audit/policy";
import { ForbiddenError } from "@/lib/domain/errors";
import { type AccountsQuery, rolesFor } from "@/lib/domain/users/access";
import type { UseCaseContext } from "../context";

/** More than an admin reads in one screen; a search narrows it. */
export const ACCOUNT_LIST_LIMIT = 100;

/** The district's sign-in accounts with the roles each may be given. */
export async function listAccounts(ctx: UseCaseContext, query: AccountsQuery) {
  if (!canManageAccounts(ctx.actor))
    throw new ForbiddenError("Only district admins manage accounts.");
  const rows = await withTenant(ctx.db, ctx.actor, (tx) =>
    listDistrictAccounts(tx, ctx.actor.tenantId, { ...query, limit: ACCOUNT_LIST_LIMIT + 1 }),
  );
  return {
    accounts: rows.slice(0, ACCOUNT_LIST_LIMIT).map((row) => ({
      ...row,
      roles: rolesFor(row),
      isSelf: row.userId === ctx.actor.userId,
    })),
    more: rows.length > ACCOUNT_LIST_LIMIT,
  };
}
