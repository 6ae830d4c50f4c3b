import { guardiansWithoutAccount, staffWithoutAccount } from "@/db/queries/account-candidates";
import { listDistrictAccounts } from "@/db/queries/users";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError } from "@/lib/domain/errors";
import { canManageAccounts } from "@/lib/domain/policy";
import { type AccountsQuery, rolesFor } from "@/lib/domain/users/access";
import type { UseCaseContext } from "../context";

/** More than an admin reads in one screen; a search narrows it. */
export const ACCOUNT_LIST_LIMIT = 100;

/** People without an account shown for one search; a district has far more than a page holds. */
const WITHOUT_ACCOUNT_LIMIT = 20;

/**
 * The district's sign-in accounts with the roles each may be given and, on a search, the staff
 * members and guardians it finds who have no account yet.
 */
export async function listAccounts(ctx: UseCaseContext, query: AccountsQuery) {
  if (!canManageAccounts(ctx.actor))
    throw new ForbiddenError("Only district admins manage accounts.");
  const { tenantId } = ctx.actor;
  const q = query.q ?? "";
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const rows = await listDistrictAccounts(tx, tenantId, {
      ...query,
      limit: ACCOUNT_LIST_LIMIT + 1,
    });
    return {
      accounts: rows.slice(0, ACCOUNT_LIST_LIMIT).map((row) => ({
        ...row,
        roles: rolesFor(row),
        isSelf: row.userId === ctx.actor.userId,
      })),
      more: rows.length > ACCOUNT_LIST_LIMIT,
      staffWithoutAccount:
        q && query.role !== "parent"
          ? await staffWithoutAccount(tx, tenantId, q, WITHOUT_ACCOUNT_LIMIT)
          : [],
      guardiansWithoutAccount:
        q && (!query.role || query.role === "parent")
          ? await guardiansWithoutAccount(tx, tenantId, q, WITHOUT_ACCOUNT_LIMIT)
          : [],
    };
  });
}
