import type { Tx } from "@/db/client";
import { appendAudit } from "@/db/queries/audit";
import { guardianForAccount, insertAccount, staffForAccount } from "@/db/queries/users";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError, NotFoundError, UnprocessableError } from "@/lib/domain/errors";
import { letterLanguageFor } from "@/lib/domain/letters/templates";
import type { Role } from "@/lib/domain/policy";
import { canManageAccounts } from "@/lib/domain/policy";
import type { GiveAccountInput } from "@/lib/domain/users/access";
import type { UseCaseContext } from "../context";
import { queuePasswordLink } from "./queue-password-link";

/** Who the new account is for, as the roster has them. */
interface Holder {
  name: string;
  email: string | null;
  role: Role;
  locale: string;
  hasAccount: boolean;
  link: { staffId: string } | { guardianId: string };
}

async function holderOf(tx: Tx, tenantId: string, input: GiveAccountInput): Promise<Holder> {
  if ("staffId" in input) {
    const person = await staffForAccount(tx, tenantId, input.staffId);
    if (!person?.active)
      throw new NotFoundError("Staff member", "No such staff member in your district.");
    return {
      name: `${person.firstName} ${person.lastName}`,
      email: person.email,
      role: input.role,
      locale: "en",
      hasAccount: person.accountId !== null,
      link: { staffId: person.staffId },
    };
  }
  const guardian = await guardianForAccount(tx, tenantId, input.guardianId);
  if (!guardian) throw new NotFoundError("Guardian", "No such guardian in your district.");
  return {
    name: `${guardian.firstName} ${guardian.lastName}`,
    email: guardian.email,
    role: "parent",
    // The portal and its e-mails speak the language the roster gives for the family's letters.
    locale: letterLanguageFor(guardian.language),
    hasAccount: guardian.accountId !== null,
    link: { guardianId: guardian.guardianId },
  };
}

const refused = (message: string, field: string) =>
  new UnprocessableError(message, [{ path: field, message }]);

/**
 * A district admin gives a staff member (with a staff role) or a guardian (the family portal)
 * an account: it signs in with the roster's e-mail address, and the person is e-mailed, in
 * their language, a link to choose a password.
 */
export async function giveAccount(ctx: UseCaseContext, input: GiveAccountInput) {
  if (!canManageAccounts(ctx.actor))
    throw new ForbiddenError("Only district admins manage accounts.");
  const { tenantId } = ctx.actor;
  const field = "staffId" in input ? "staffId" : "guardianId";
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const holder = await holderOf(tx, tenantId, input);
    if (holder.hasAccount) throw refused(`${holder.name} has an account already.`, field);
    if (!holder.email)
      throw refused(
        "The roster has no e-mail address for this person; add one there first.",
        field,
      );

    const account = {
      tenantId,
      email: holder.email,
      name: holder.name,
      role: holder.role,
      locale: holder.locale,
      ...holder.link,
    };
    // Sign-in addresses are unique across districts: the insert answers "taken" for any of them.
    const created = await insertAccount(tx, account);
    if (!created) throw refused("This e-mail address already has an account.", field);
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
        after: { email: account.email, name: account.name, role: account.role, ...holder.link },
      },
    ]);
    return { userId: created.id, name: account.name, email: account.email };
  });
}
