import { appendAudit } from "@/db/queries/audit";
import { markSessionCancelled } from "@/db/queries/sessions/schedule";
import { withTenant } from "@/db/with-tenant";
import { ConflictError } from "@/lib/domain/errors";
import type { CancelSessionInput } from "@/lib/domain/sessions/schemas";
import { loadSessionAccess, requireRunAccess } from "../access";
import { queueSessionCancellation } from "../calendar/queue-calendar-invites";
import type { UseCaseContext } from "../context";

/**
 * Calls a session off, with the reason in the audit trail. It stays in the plan as cancelled, so
 * fidelity shows the dose the students missed until a make-up session is held.
 */
export async function cancelSession(
  ctx: UseCaseContext,
  sessionId: string,
  input: CancelSessionInput,
) {
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const { session, access } = await loadSessionAccess(tx, ctx, sessionId);
    requireRunAccess(access);
    if (session.status === "held") {
      throw new ConflictError("Attendance was taken for this session, so it cannot be cancelled.");
    }
    if (session.status === "cancelled")
      throw new ConflictError("This session is already cancelled.");
    await markSessionCancelled(tx, ctx.actor.tenantId, sessionId, input.reason);
    // The facilitators' calendars drop this occurrence (METHOD:CANCEL with its RECURRENCE-ID).
    await queueSessionCancellation(tx, ctx, sessionId);
    await appendAudit(tx, ctx.actor, ctx.requestId, [
      {
        action: "session.cancelled",
        entityType: "intervention_session",
        entityId: sessionId,
        before: { status: session.status, date: session.sessionDate, startsAt: session.startsAt },
        after: { status: "cancelled", cancellationReason: input.reason },
        reason: input.reason,
      },
    ]);
    return { sessionId, status: "cancelled" as const };
  });
}
