import { appendAudit } from "@/db/queries/audit";
import { districtOf } from "@/db/queries/districts";
import { moveSession } from "@/db/queries/sessions/schedule";
import { withTenant } from "@/db/with-tenant";
import { instantAt, todayIn } from "@/lib/domain/calendar/dates";
import { ConflictError, UnprocessableError } from "@/lib/domain/errors";
import type { RescheduleSessionInput } from "@/lib/domain/sessions/schemas";
import { loadSessionAccess, requireRunAccess } from "../access";
import { queueCalendarInvites } from "../calendar/queue-calendar-invites";
import type { UseCaseContext } from "../context";
import { refuseSessionConflicts } from "../scheduling/plan-conflicts";
import { retryIfDoubleBooked } from "../scheduling/retry-double-booking";
import { requireSchoolDay } from "./require-school-day";

/** Moves a session that has not happened yet to another day or time, with the reason audited. */
export async function rescheduleSession(
  ctx: UseCaseContext,
  sessionId: string,
  input: RescheduleSessionInput,
) {
  const { tenantId } = ctx.actor;
  return retryIfDoubleBooked(() =>
    withTenant(ctx.db, ctx.actor, async (tx) => {
      const { session, access } = await loadSessionAccess(tx, ctx, sessionId);
      requireRunAccess(access);
      if (session.status !== "scheduled") {
        throw new ConflictError(
          session.status === "held"
            ? "Attendance was taken for this session, so it cannot be moved."
            : "A cancelled session cannot be moved; add a make-up session instead.",
        );
      }
      const district = await districtOf(tx, tenantId);
      if (input.date < todayIn(district.timeZone, ctx.now())) {
        throw new UnprocessableError("A session can only be moved to today or a later day.", [
          { path: "date", message: "Pick today or a later day." },
        ]);
      }
      await requireSchoolDay(tx, tenantId, input.date);
      const startsAt = instantAt(input.date, input.startTime, district.timeZone);
      // Scenario 5: the new time is checked like a plan's; a conflict refuses the move (409).
      await refuseSessionConflicts(tx, tenantId, session.interventionId, [
        { date: input.date, startTime: input.startTime, minutes: session.minutes },
      ]);
      await moveSession(tx, tenantId, sessionId, { sessionDate: input.date, startsAt });
      // The facilitators' calendars get the series again: the old day excluded, the new one added.
      await queueCalendarInvites(tx, ctx, session.interventionId, "updated");
      await appendAudit(tx, ctx.actor, ctx.requestId, [
        {
          action: "session.rescheduled",
          entityType: "intervention_session",
          entityId: sessionId,
          before: { date: session.sessionDate, startsAt: session.startsAt },
          after: { date: input.date, startsAt },
          reason: input.reason,
        },
      ]);
      return { sessionId, date: input.date, startsAt: startsAt.toISOString() };
    }),
  );
}
