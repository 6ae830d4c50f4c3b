import { guardianLinks } from "@/db/queries/guardian-links";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError } from "@/lib/domain/errors";
import { canManageContactRestrictions } from "@/lib/domain/policy/contact-restrictions";
import type { UseCaseContext } from "../context";

export const GUARDIAN_LINK_LIMIT = 50;

/**
 * The admin's families page: the guardian–child links whose child or guardian matches every
 * word of `q` (names, student number, e-mail), each with its restriction if any; with no words,
 * every restriction on record. At most GUARDIAN_LINK_LIMIT, `more` saying there are others.
 */
export async function listGuardianLinks(ctx: UseCaseContext, q: string) {
  if (!canManageContactRestrictions(ctx.actor))
    throw new ForbiddenError("Only district admins manage contact restrictions.");
  const rows = await withTenant(ctx.db, ctx.actor, (tx) =>
    guardianLinks(tx, ctx.actor.tenantId, q, GUARDIAN_LINK_LIMIT + 1),
  );
  return { links: rows.slice(0, GUARDIAN_LINK_LIMIT), more: rows.length > GUARDIAN_LINK_LIMIT };
}
