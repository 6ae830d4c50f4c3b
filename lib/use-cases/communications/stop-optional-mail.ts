import { withholdQueued } from "@/db/queries/communications/delivery";
import { auditGuardianDecision, userOfGuardian } from "@/db/queries/communications/opt-out";
import { stopOptionalMailOf, unsubscribeSubject } from "@/db/queries/communications/unsubscribe";
import { WITHHELD_NOTES } from "@/lib/domain/letters/recipients";
import type { PublicContext } from "../context";
import {
  describeUnsubscribeSubject,
  type UnsubscribeLinkState,
  withUnsubscribeLink,
} from "./unsubscribe-link";

/**
 * A guardian stops optional mail from an optional letter's link (issue 13, point 5; RFC 8058):
 * the page's button or a mail program's one-click POST, no sign-in, the signed token being the
 * only credential. At once and in one transaction: `guardians.optional_mail_stopped_at` is set,
 * the guardian's queued optional letters are marked `suppressed`, and the decision is audited
 * (`guardian.optional-mail-stopped`). Only the first use changes anything: a second click, or a
 * mail program's POST beside the family's own, reports the stop already on record. Required
 * notices are not touched; the mail worker keeps holding optional letters back from then on.
 */
export async function stopOptionalMail(
  ctx: PublicContext,
  token: string,
): Promise<UnsubscribeLinkState> {
  return withUnsubscribeLink(ctx, token, async (tx, claims, subject) => {
    if (subject.optionalMailStoppedAt)
      return describeUnsubscribeSubject(subject, subject.optionalMailStoppedAt);
    const now = ctx.now();
    const stopped = await stopOptionalMailOf(tx, claims.tenantId, claims.guardianId, now);
    if (!stopped) {
      // Another request stopped it a moment ago (it held the row until it committed): report
      // that one, as it is now on record.
      const current = await unsubscribeSubject(tx, claims.tenantId, claims.guardianId);
      return describeUnsubscribeSubject(subject, current?.optionalMailStoppedAt ?? now);
    }

    const withheld = await withholdQueued(
      tx,
      claims.tenantId,
      { guardianId: claims.guardianId, optionalOnly: true },
      WITHHELD_NOTES["optional-mail-stopped"],
    );
    await auditGuardianDecision(tx, {
      tenantId: claims.tenantId,
      actorUserId: await userOfGuardian(tx, claims.tenantId, claims.guardianId),
      action: "guardian.optional-mail-stopped",
      entityType: "guardian",
      entityId: claims.guardianId,
      studentId: null,
      after: {
        optionalMailStoppedAt: now.toISOString(),
        queuedLettersWithheld: withheld,
        via: "signed unsubscribe link",
      },
      requestId: ctx.requestId,
      occurredAt: now,
    });
    return describeUnsubscribeSubject(subject, stopped.stoppedAt);
  });
}
