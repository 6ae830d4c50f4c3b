import { searchAuditTrail as queryAuditTrail } from "@/db/queries/audit-trail";
import { districtOf } from "@/db/queries/districts";
import { withTenant } from "@/db/with-tenant";
import type { AuditQuery } from "@/lib/domain/audit/schemas";
import { addDays, instantAt } from "@/lib/domain/calendar/dates";
import { ForbiddenError } from "@/lib/domain/errors";
import { canReadAuditTrail } from "@/lib/domain/policy";
import { decodeCursor, encodeCursor } from "../common/cursor";
import type { UseCaseContext } from "../context";

/**
 * The audit viewer: the district's trail, newest first, by student, person, action and a range
 * of district-calendar dates (both ends included), a page at a time.
 */
export async function searchAuditTrail(ctx: UseCaseContext, query: AuditQuery) {
  if (!canReadAuditTrail(ctx.actor))
    throw new ForbiddenError("Only district admins read the audit trail.");
  const beforeId = query.cursor ? Number(decodeCursor(query.cursor).id) : undefined;
  const { tenantId } = ctx.actor;
  const rows = await withTenant(ctx.db, ctx.actor, async (tx) => {
    const { timeZone } = await districtOf(tx, tenantId);
    return queryAuditTrail(tx, tenantId, {
      studentId: query.studentId,
      actorUserId: query.userId,
      action: query.action,
      from: query.from ? instantAt(query.from, "00:00", timeZone) : undefined,
      to: query.to ? instantAt(addDays(query.to, 1), "00:00", timeZone) : undefined,
      beforeId: Number.isSafeInteger(beforeId) ? beforeId : undefined,
      limit: query.limit + 1,
    });
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page,
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ at: last.occurredAt.toISOString(), id: String(last.id) })
        : null,
  };
}
