import { appendAudit } from "@/db/queries/audit";
import { nonInstructionalDaysBetween } from "@/db/queries/districts";
import { insertFollowUps } from "@/db/queries/exits/follow-ups";
import { listReviews, updateReview } from "@/db/queries/exits/reviews";
import { withTenant } from "@/db/with-tenant";
import { addDays, todayIn } from "@/lib/domain/calendar/dates";
import { ConflictError } from "@/lib/domain/errors";
import { type ExitReport, followUpDueDates } from "@/lib/domain/exit";
import type { UseCaseContext } from "../context";
import { endEnrollmentsInTransaction } from "./end-in-transaction";
import { type ExitReviewDto, exitReviewDto } from "./exit-review-dto";
import { queueExitCelebrationLetters } from "./queue-exit-letters";
import { loadReviewToDecide } from "./review-access";

/** The days searched for holidays when the follow-ups are placed (6 weeks and a long break). */
const FOLLOW_UP_HORIZON_DAYS = 120;

/**
 * The specialist approves a recommended exit, in one transaction: the enrollment ends today with
 * the reason `met-exit-criteria`, `StudentExitedInterventionEvent` goes to the outbox, six weekly
 * follow-ups fall due to the facilitator (on school days), each guardian gets the celebration
 * letter in their language, and the review is `approved`.
 */
export async function approveExit(
  ctx: UseCaseContext,
  reviewId: string,
  input: { reason?: string } = {},
): Promise<ExitReviewDto> {
  const { tenantId } = ctx.actor;
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const { review } = await loadReviewToDecide(tx, ctx, reviewId, "approve");
    if (review.status !== "recommended") {
      throw new ConflictError(
        review.status === "eligible"
          ? "The facilitator has not recommended this exit yet."
          : `This exit review is already ${review.status}.`,
      );
    }
    const now = ctx.now();
    const exitDate = todayIn(ctx.actor.timeZone, now);
    const { ended, audit } = await endEnrollmentsInTransaction(
      tx,
      tenantId,
      now,
      [review.enrollmentId],
      exitDate,
      "met-exit-criteria",
      { keepReviewId: review.id, decidedBy: ctx.actor.userId },
    );
    if (ended.length === 0) throw new ConflictError("The student's enrollment has already ended.");
    await updateReview(tx, tenantId, review.id, {
      status: "approved",
      decidedBy: ctx.actor.userId,
      decidedAt: now,
      decisionReason: input.reason ?? null,
    });
    const holidays = await nonInstructionalDaysBetween(
      tx,
      tenantId,
      exitDate,
      addDays(exitDate, FOLLOW_UP_HORIZON_DAYS),
    );
    const dueDates = followUpDueDates(exitDate, holidays);
    await insertFollowUps(
      tx,
      dueDates.map((dueOn) => ({
        tenantId,
        enrollmentId: review.enrollmentId,
        interventionId: review.interventionId,
        studentId: review.studentId,
        dueOn,
      })),
    );
    const letters = await queueExitCelebrationLetters(tx, tenantId, {
      enrollmentId: review.enrollmentId,
      interventionId: review.interventionId,
      studentId: review.studentId,
      exitDate,
      report: review.criteria as ExitReport,
    });
    const [row] = await listReviews(tx, tenantId, { statuses: ["approved"], id: review.id });
    await appendAudit(tx, ctx.actor, ctx.requestId, [
      ...audit,
      {
        action: "exit-review.approved",
        entityType: "exit_review",
        entityId: review.id,
        studentId: review.studentId,
        before: { status: review.status },
        after: { status: "approved", exitDate, followUps: dueDates, letters },
        reason: input.reason ?? null,
      },
    ]);
    if (!row) throw new Error("The approved review is missing");
    return exitReviewDto(row);
  });
}
