import { appendAudit } from "@/db/queries/audit";
import { withholdQueued } from "@/db/queries/communications/delivery";
import { setContactRestriction } from "@/db/queries/guardian-links";
import { ConflictError } from "@/lib/domain/errors";
import { type ContactRestrictionInput, WITHHELD_NOTES } from "@/lib/domain/letters/recipients";
import type { UseCaseContext } from "../context";
import { withRestrictionLink } from "./restriction-link";

/**
 * A district admin records a custody or contact restriction for one guardian and one child
 * (issue 13, point 4), with the reason. From the commit on, that guardian is left out of every
 * letter about the child (db/queries/guardian-links.ts → reachableGuardians), their letters about the
 * child still queued are marked `suppressed` (the mail worker checks again as it sends), and the
 * portal no longer shows them the child (childrenOfGuardian). The guardian's other children are
 * not affected. Audited `student_guardian.contact-restricted` with the reason. A guardian who is
 * not the child's (or another district's) is 404; a link already restricted is 409.
 */
export async function recordContactRestriction(
  ctx: UseCaseContext,
  input: ContactRestrictionInput,
) {
  const { tenantId } = ctx.actor;
  return withRestrictionLink(ctx, input, "record", async (tx, link) => {
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
