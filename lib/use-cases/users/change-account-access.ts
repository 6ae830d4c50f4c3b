import { appendAudit } from "@/db/queries/audit";
import { accountForUpdate, setAccountAccess } from "@/db/queries/users";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError, NotFoundError, UnprocessableError } from "@/lib/domain/errors";
import { canManageAccounts } from "@/lib/domain/policy";
import { accessChangeRefusal, type UserAccessInput } from "@/lib/domain/users/access";
import type { UseCaseContext } from "../context";

/**
 * A district admin changes an account's role or switches it off. The actor is re-read from
 * the database on every request, so the change holds from that person's next click on,
 * whatever their session cookie says. An account of another district is not found.
 */
export async function changeAccountAccess(ctx: UseCaseContext, input: UserAccessInput) {
  if (!canManageAccounts(ctx.actor))
    throw new ForbiddenError("Only district admins manage accounts.");
  const { tenantId } = ctx.actor;
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const account = await accountForUpdate(tx, tenantId, input.userId);
    if (!account) throw new NotFoundError("Account", "No such account in your district.");
    const change = { role: input.role, active: input.active };
    const refusal = accessChangeRefusal(ctx.actor, account, change);
    if (refusal) throw new UnprocessableError(refusal.message, [refusal]);
    if (account.role === change.role && account.active === change.active)
      return { userId: account.userId, ...change, changed: false };

    // Switching off ends the sessions open now, for good: switching back on asks for a sign-in.
    const switchedOff = account.active && !change.active;
    await setAccountAccess(tx, tenantId, account.userId, {
      ...change,
      ...(switchedOff ? { sessionsRevokedAt: ctx.now() } : {}),
    });
    await appendAudit(tx, ctx.actor, ctx.requestId, [
      {
        action: "user.access-changed",
        entityType: "user",
        entityId: account.userId,
        before: { role: account.role, active: account.active },
        after: change,
      },
    ]);
    return { userId: account.userId, ...change, changed: true };
  });
}
