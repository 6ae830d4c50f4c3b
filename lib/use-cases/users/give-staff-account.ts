import { appendAudit } from "@/db/queries/audit";
import { findSignInAccount, insertAccount, staffForAccount } from "@/db/queries/users";
import { withTenant } from "@/db/with-tenant";
import { canManageAccounts } from "@/lib/domain/audit/policy";
import { ForbiddenError, NotFoundError, UnprocessableError } from "@/lib/domain/errors";
import type { GiveStaffAccountInput } from "@/lib/domain/users/access";
import type { UseCaseContext } from "../context";
import { queuePasswordLink } from "./queue-password-link";

const emailTaken = () =>
  new UnprocessableError("This e-mail address already has an account.", [
    { path: "staffId", message: "This e-mail address already has an account." },
  ]);

/**
 * A district admin gives a staff member (from the roster) an account: it signs in with the
 * staff record's e-mail address, takes the role chosen, and gets a password link by e-mail.
 */
export async function giveStaffAccount(ctx: UseCaseContext, input: GiveStaffAccountInput) {
  if (!canManageAccounts(ctx.actor))
    throw new ForbiddenError("Only district admins manage accounts.");
  const { tenantId } = ctx.actor;
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const person = await staffForAccount(tx, tenantId, input.staffId);
    if (!person?.active)
      throw new NotFoundError("Staff member", "No such staff member in your district.");
    if (person.accountId)
      throw new UnprocessableError(
        `${person.firstName} ${person.lastName} has an account already.`,
        [{ path: "staffId", message: "Has an account already." }],
      );
    if (!person.email)
      throw new UnprocessableError("The roster has no e-mail address for this person.", [
        { path: "staffId", message: "Add an e-mail address in the roster first." },
      ]);
    // Sign-in addresses are unique across districts; the lookup answers only "taken or not".
    if (await findSignInAccount(tx, person.email)) throw emailTaken();

    const account = {
      tenantId,
      email: person.email,
      name: `${person.firstName} ${person.lastName}`,
      role: input.role,
      staffId: person.staffId,
    };
    const created = await insertAccount(tx, account);
    if (!created) throw emailTaken();
    await queuePasswordLink(tx, {
      district: { id: tenantId, name: ctx.actor.districtName, timeZone: ctx.actor.timeZone },
      account: { ...account, userId: created.id, passwordHash: null },
      why: { kind: "new-account", by: ctx.actor.name },
      now: ctx.now(),
    });
    await appendAudit(tx, ctx.actor, ctx.requestId, [
      {
        action: "user.created",
        entityType: "user",
        entityId: created.id,
        after: {
          email: account.email,
          name: account.name,
          role: account.role,
          staffId: person.staffId,
        },
      },
    ]);
    return { userId: created.id, name: account.name, email: account.email };
  });
}
