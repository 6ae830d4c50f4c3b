import { auditFilterChoices as queryChoices } from "@/db/queries/audit-trail";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError } from "@/lib/domain/errors";
import { canReadAuditTrail } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";

/** What the audit viewer's filters offer: the district's people and the actions on record. */
export async function auditFilterChoices(ctx: UseCaseContext) {
  if (!canReadAuditTrail(ctx.actor))
    throw new ForbiddenError("Only district admins read the audit trail.");
  return withTenant(ctx.db, ctx.actor, (tx) => queryChoices(tx, ctx.actor.tenantId));
}
