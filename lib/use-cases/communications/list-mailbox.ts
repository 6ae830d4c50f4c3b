import { listReadTarget, recordRead } from "@/db/queries/audit";
import { listCommunications, type MailboxFilter } from "@/db/queries/communications/mailbox";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError } from "@/lib/domain/errors";
import { isDistrictAdmin } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";

/**
 * The admin mailbox: every message of the district, newest first — sent, kept, queued or failed.
 * A page names the children its letters are about: one read-log row for it (decision 0007).
 */
export async function listMailbox(ctx: UseCaseContext, filter: MailboxFilter) {
  if (!isDistrictAdmin(ctx.actor))
    throw new ForbiddenError("Only district admins read the mailbox.");
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const page = await listCommunications(tx, ctx.actor.tenantId, filter);
    const students = page.rows.flatMap((row) => (row.studentId ? [row.studentId] : []));
    if (students.length > 0)
      await recordRead(tx, ctx.actor, ctx.requestId, listReadTarget("mailbox", students));
    return page;
  });
}
