import { listCommunications, type MailboxFilter } from "@/db/queries/communications/mailbox";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError } from "@/lib/domain/errors";
import { isDistrictAdmin } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";

/** The admin mailbox: every message of the district, newest first — sent, kept, queued or failed. */
export async function listMailbox(ctx: UseCaseContext, filter: MailboxFilter) {
  if (!isDistrictAdmin(ctx.actor))
    throw new ForbiddenError("Only district admins read the mailbox.");
  return withTenant(ctx.db, ctx.actor, (tx) => listCommunications(tx, ctx.actor.tenantId, filter));
}
