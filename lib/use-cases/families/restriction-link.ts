import type { Tx } from "@/db/client";
import { guardianLink } from "@/db/queries/guardian-links";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import { canManageContactRestrictions } from "@/lib/domain/policy/contact-restrictions";
import type { UseCaseContext } from "../context";

type GuardianLink = NonNullable<Awaited<ReturnType<typeof guardianLink>>>;

/**
 * Recording and lifting a contact restriction both start here: only a district admin may (403),
 * and the guardian must be the child's in the admin's district (404 otherwise, another
 * district's included). `work` runs in the same tenant transaction with the link as it is.
 */
export async function withRestrictionLink<T>(
  ctx: UseCaseContext,
  input: { studentId: string; guardianId: string },
  verb: "record" | "lift",
  work: (tx: Tx, link: GuardianLink) => Promise<T>,
): Promise<T> {
  if (!canManageContactRestrictions(ctx.actor))
    throw new ForbiddenError(`Only district admins ${verb} contact restrictions.`);
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const link = await guardianLink(tx, ctx.actor.tenantId, input.studentId, input.guardianId);
    if (!link)
      throw new NotFoundError("Guardian", "No such guardian of this student in your district.");
    return work(tx, link);
  });
}
