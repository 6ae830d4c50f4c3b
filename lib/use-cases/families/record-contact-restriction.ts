import { appendAudit } from "@/db/queries/audit";
import { withholdQueued } from "@/db/queries/communications/delivery";
import { guardianLink, setContactRestriction } from "@/db/queries/people";
import { withTenant } from "@/db/with-tenant";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import { type ContactRestrictionInput, WITHHELD_NOTES } from "@/lib/domain/letters/recipients";
import { canManageContactRestrictions } from "@/lib/domain/policy/contact-restrictions";
import type { UseCaseContext } from "../context";

/**
 * A district admin records a custody or contact restriction for one guardian and one child
 * (issue 13, point 4), with the reason. From the commit on, that guardian is left out of every
 * letter about the child (db/queries/people.ts → reachableGuardians), their letters about the
 * child still queued are marked `suppressed` (the mail worker checks again as it sends), and the
 * portal no longer shows them the child (childrenOfGuardian). The guardian's other children are
 * not affected. Audited `student_guardian.contact-restricted` with the reason. A guardian who is
 * not the child's (or another district's) is 404; a link already restricted is 409.
 */
export async function recordContactRestriction(
  ctx: UseCaseContext,
  input: ContactRestrictionInput,
) {
  if (!canManageContactRestrictions(ctx.actor))
    throw new ForbiddenError("Only district admins record contact restrictions.");
  const { tenantId } = ctx.actor;
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const link = await guardianLink(tx, tenantId, input.studentId, input.guardianId);
    if (!link)
      throw new NotFoundError("Guardian", "No such guardian of this student in your district.");
    const changed =
      !link.contactRestricted && (await setContactRestriction(tx, tenantId, input, input.reason));
    if (!changed)
      throw new ConflictError(
        `${link.guardianName} is already restricted for ${link.studentName}; lift the restriction to record another.`,
      );
    const withheld = await withholdQueued(
      tx,
      tenantId,
      { guardianId: input.guardianId, studentId: input.studentId },
      WITHHELD_NOTES["contact-restricted"],
    );
    await appendAudit(tx, ctx.actor, ctx.requestId, [
      {
        action: "student_guardian.contact-restricted",
        entityType: "guardian",
        entityId: input.guardianId,
        studentId: input.studentId,
        before: { contactRestricted: false },
        after: { contactRestricted: true, queuedLettersWithheld: withheld },
        reason: input.reason,
      },
    ]);
    return {
      ...link,
      contactRestricted: true,
      restrictionNote: input.reason,
      lettersWithheld: withheld,
    };
  });
}
