import type { Tx } from "@/db/client";
import { guardianForAccount, staffForAccount } from "@/db/queries/account-candidates";
import { appendAudit } from "@/db/queries/audit";
import { findSignInAccount, insertAccount } from "@/db/queries/users";
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
 * The roster's address signs in to an account of another district. Never shown to the admin
 * (`offerAccount` answers as if the account were made): an admin must not learn which
 * addresses have accounts elsewhere.
 */
export class AddressTakenElsewhere extends Error {}

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
    // Sign-in addresses are unique across districts. Whose account it is may be said only when
    // it is this district's; another district's is nobody's business here (nothing is written
    // and no link is sent, so no one gets a way into a district that is not theirs).
    const taken = await findSignInAccount(tx, holder.email);
    if (taken && taken.tenantId !== tenantId) throw new AddressTakenElsewhere();
    if (taken) throw refused("This e-mail address already has an account here.", field);
    const created = await insertAccount(tx, account);
    if (!created) throw new AddressTakenElsewhere(); // taken meanwhile, by whichever district

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

/**
 * The admin's answer to "give this person an account": what was made, or, when the address
 * already signs in to another district, the very same answer with nothing made and nothing
 * sent (decision 0013). Only this district's own accounts are named as taken.
 */
export async function offerAccount(
  ctx: UseCaseContext,
  input: GiveAccountInput,
): Promise<{ name: string; email: string }> {
  try {
    const given = await giveAccount(ctx, input);
    return { name: given.name, email: given.email };
  } catch (error) {
    if (!(error instanceof AddressTakenElsewhere)) throw error;
    const holder = await withTenant(ctx.db, ctx.actor, (tx) =>
      holderOf(tx, ctx.actor.tenantId, input),
    );
    return { name: holder.name, email: holder.email ?? "" };
  }
}
