import { z } from "../zod";

/**
 * Who a letter may reach (issue 13, points 4 and 5). Two things keep a letter from being
 * e-mailed, and both are decided here once, for the queueing and for the mail worker:
 * - a **contact restriction** an admin recorded for this guardian and this child (custody, a
 *   court order): no letter about the child, required or not;
 * - the guardian's **stop of optional mail** (the one-click unsubscribe): no optional letter,
 *   whatever child it is about. The rule reads only the letter's `required` flag, never its
 *   kind, so a kind added later (the quarterly summary) follows it as soon as it says whether
 *   it is required.
 */
export type WithheldReason = "contact-restricted" | "optional-mail-stopped";

export function withheldBecause(
  letter: { required: boolean },
  recipient: { contactRestricted: boolean; optionalMailStopped: boolean },
): WithheldReason | null {
  if (recipient.contactRestricted) return "contact-restricted";
  if (!letter.required && recipient.optionalMailStopped) return "optional-mail-stopped";
  return null;
}

/** What the mailbox shows beside a withheld letter (in `last_error`): why it was not sent. */
export const WITHHELD_NOTES: Record<WithheldReason, string> = {
  "contact-restricted": "Not sent: a contact restriction is recorded for this guardian and child.",
  "optional-mail-stopped": "Not sent: the guardian stopped optional mail (one-click unsubscribe).",
};

const reason = z
  .string()
  .trim()
  .min(3, "Say why, in a few words (3 characters at least).")
  .max(500, "500 characters at most.");

/** An admin records a custody or contact restriction for one guardian and one child. */
export const contactRestrictionSchema = z.object({
  studentId: z.uuid("Choose a student."),
  guardianId: z.uuid("Choose a guardian."),
  reason,
});
export type ContactRestrictionInput = z.output<typeof contactRestrictionSchema>;

/** Lifting it asks why too: the audit trail keeps both decisions and their reasons. */
export const liftContactRestrictionSchema = contactRestrictionSchema;
export type LiftContactRestrictionInput = z.output<typeof liftContactRestrictionSchema>;
