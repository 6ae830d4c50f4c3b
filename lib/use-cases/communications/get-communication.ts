import { recordRead } from "@/db/queries/audit";
import { communicationById } from "@/db/queries/communications/mailbox";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import { isDistrictAdmin } from "@/lib/domain/policy";
import { redactPasswordLinks } from "@/lib/domain/users/password-link-redaction";
import type { UseCaseContext } from "../context";

/**
 * One message as it was written (and sent): to whom, what, when, why, and how delivery went.
 * A letter about a child is logged as read. A password link never shows: messages written before links were kept out of the log still
 * hold theirs, so the text is redacted on the way out too.
 */
export async function getCommunication(ctx: UseCaseContext, id: string) {
  if (!isDistrictAdmin(ctx.actor))
    throw new ForbiddenError("Only district admins read the mailbox.");
  const row = await withTenant(ctx.db, ctx.actor, async (tx) => {
    const found = await communicationById(tx, ctx.actor.tenantId, id);
    // A letter about a child is the child's record: its reading is logged (decision 0007).
    if (found?.studentId)
      await recordRead(tx, ctx.actor, ctx.requestId, {
        entityType: "communication",
        entityId: found.id,
        studentId: found.studentId,
        details: { view: "mailbox", kind: found.kind },
      });
    return found;
  });
  if (!row) throw new NotFoundError("Message");
  return {
    ...row,
    body: redactPasswordLinks(row.body, row.language),
    emailBody: row.emailBody === null ? null : redactPasswordLinks(row.emailBody, row.language),
  };
}
