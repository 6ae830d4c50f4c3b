import { appendAudit } from "@/db/queries/audit";
import { setContactRestriction } from "@/db/queries/guardian-links";
import { ConflictError } from "@/lib/domain/errors";
import type { LiftContactRestrictionInput } from "@/lib/domain/letters/recipients";
import type { UseCaseContext } from "../context";
import { withRestrictionLink } from "./restriction-link";

/**
 * A district admin lifts a guardian's contact restriction for a child, saying why (the order
 * ended, it was recorded on the wrong guardian). From the commit on the guardian receives the
 * child's letters again and sees the child in the portal. Letters withheld meanwhile stay
 * `suppressed`: they are not sent late. Audited `student_guardian.contact-restriction-lifted`
 * with the restriction's own reason as it was. 404 as for recording; a link not restricted is 409.
 */
export async function liftContactRestriction(
  ctx: UseCaseContext,
  input: LiftContactRestrictionInput,
) {
  const { tenantId } = ctx.actor;
  return withRestrictionLink(ctx, input, "lift", async (tx, link) => {
    const changed =
      link.contactRestricted && (await setContactRestriction(tx, tenantId, input, null));
    if (!changed)
      throw new ConflictError(`${link.guardianName} has no restriction for ${link.studentName}.`);
    await appendAudit(tx, ctx.actor, ctx.requestId, [
      {
        action: "student_guardian.contact-restriction-lifted",
        entityType: "guardian",
        entityId: input.guardianId,
        studentId: input.studentId,
        before: { contactRestricted: true, restrictionNote: link.restrictionNote },
        after: { contactRestricted: false },
        reason: input.reason,
      },
    ]);
    return { ...link, contactRestricted: false, restrictionNote: null };
  });
}
