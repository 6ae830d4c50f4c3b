import { appendAudit } from "@/db/queries/audit";
import { lockActiveEnrollment } from "@/db/queries/exits/endings";
import { withTenant } from "@/db/with-tenant";
import { todayIn } from "@/lib/domain/calendar/dates";
import { ForbiddenError, NotFoundError, UnprocessableError } from "@/lib/domain/errors";
import { type EndEnrollmentInput, exitReasonLabel } from "@/lib/domain/exit";
import { mayDecideExits } from "@/lib/domain/policy";
import { loadInterventionAccess } from "../access";
import type { UseCaseContext } from "../context";
import { endEnrollmentsInTransaction } from "./end-in-transaction";

export interface EndedEnrollmentDto {
  enrollmentId: string;
  interventionId: string;
  studentId: string;
  exitDate: string;
  exitReason: string;
  exitReasonLabel: string;
}

/**
 * A specialist or admin ends a student's enrollment for another reason than met criteria (moved
 * away, family opt-out, completed the planned duration), dated on or before today: the
 * enrollment ends, `StudentExitedInterventionEvent` is published, an open exit review is closed.
 * No celebration letter and no follow-ups: those belong to an exit on the criteria.
 */
export async function endEnrollment(
  ctx: UseCaseContext,
  interventionId: string,
  studentId: string,
  input: EndEnrollmentInput,
): Promise<EndedEnrollmentDto> {
  const { tenantId } = ctx.actor;
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    await loadInterventionAccess(tx, ctx, interventionId);
    if (!mayDecideExits(ctx.actor)) {
      throw new ForbiddenError(
        "Only intervention specialists and district admins end an enrollment.",
      );
    }
    const enrollment = await lockActiveEnrollment(tx, tenantId, { interventionId, studentId });
    if (!enrollment) {
      throw new NotFoundError("Enrollment", "The student is not enrolled in this group now.");
    }
    const today = todayIn(ctx.actor.timeZone, ctx.now());
    if (input.date > today || input.date < enrollment.enrollmentDate) {
      throw new UnprocessableError(
        `The exit date must be between the enrollment date (${enrollment.enrollmentDate}) and today (${today}).`,
        [{ path: "date", message: "Between the enrollment date and today." }],
      );
    }
    const { audit } = await endEnrollmentsInTransaction(
      tx,
      tenantId,
      ctx.now(),
      [enrollment.id],
      input.date,
      input.reason,
      { decidedBy: ctx.actor.userId },
    );
    await appendAudit(tx, ctx.actor, ctx.requestId, audit);
    return {
      enrollmentId: enrollment.id,
      interventionId,
      studentId,
      exitDate: input.date,
      exitReason: input.reason,
      exitReasonLabel: exitReasonLabel(input.reason),
    };
  });
}
