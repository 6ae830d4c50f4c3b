import { appendAudit } from "@/db/queries/audit";
import { updateReview } from "@/db/queries/exits/reviews";
import { withTenant } from "@/db/with-tenant";
import { ConflictError } from "@/lib/domain/errors";
import { type ExitReport, type RecommendExitInput, withRecommendation } from "@/lib/domain/exit";
import { mayRecommendExit } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";
import { loadReviewForDecision } from "./review-access";

/**
 * The facilitator recommends the exit of a student the data flagged: the review becomes
 * `recommended`, its report gains the recommendation, and it waits on the specialist's list.
 */
export async function recommendExit(
  ctx: UseCaseContext,
  reviewId: string,
  input: RecommendExitInput,
) {
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const { review } = await loadReviewForDecision(
      tx,
      ctx,
      reviewId,
      mayRecommendExit,
      "Only the group's facilitators and intervention specialists recommend an exit.",
    );
    if (review.status !== "eligible") {
      throw new ConflictError(`This exit review is already ${review.status}.`);
    }
    const updated = await updateReview(tx, ctx.actor.tenantId, review.id, {
      status: "recommended",
      criteria: withRecommendation(review.criteria as ExitReport),
      recommendedBy: ctx.actor.userId,
      recommendedAt: ctx.now(),
      recommendationNote: input.note || null,
    });
    await appendAudit(tx, ctx.actor, ctx.requestId, [
      {
        action: "exit-review.recommended",
        entityType: "exit_review",
        entityId: review.id,
        studentId: review.studentId,
        before: { status: review.status },
        after: { status: "recommended", note: input.note || null },
      },
    ]);
    return { id: updated.id, status: updated.status };
  });
}
