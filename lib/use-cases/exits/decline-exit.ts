import { appendAudit } from "@/db/queries/audit";
import { listReviews, updateReview } from "@/db/queries/exits/reviews";
import { withTenant } from "@/db/with-tenant";
import { ConflictError } from "@/lib/domain/errors";
import type { DeclineExitInput } from "@/lib/domain/exit";
import type { UseCaseContext } from "../context";
import { type ExitReviewDto, exitReviewDto } from "./exit-review-dto";
import { loadReviewToDecide } from "./review-access";

/**
 * The specialist declines an exit (recommended or only flagged): the student stays in the group
 * and the reason is kept on the review and in the audit trail. The next evaluation may flag the
 * student again.
 */
export async function declineExit(
  ctx: UseCaseContext,
  reviewId: string,
  input: DeclineExitInput,
): Promise<ExitReviewDto> {
  const { tenantId } = ctx.actor;
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const { review } = await loadReviewToDecide(tx, ctx, reviewId, "decline");
    if (review.status !== "eligible" && review.status !== "recommended") {
      throw new ConflictError(`This exit review is already ${review.status}.`);
    }
    await updateReview(tx, tenantId, review.id, {
      status: "declined",
      decidedBy: ctx.actor.userId,
      decidedAt: ctx.now(),
      decisionReason: input.reason,
    });
    const [row] = await listReviews(tx, tenantId, { statuses: ["declined"], id: review.id });
    await appendAudit(tx, ctx.actor, ctx.requestId, [
      {
        action: "exit-review.declined",
        entityType: "exit_review",
        entityId: review.id,
        studentId: review.studentId,
        before: { status: review.status },
        after: { status: "declined" },
        reason: input.reason,
      },
    ]);
    if (!row) throw new Error("The declined review is missing");
    return exitReviewDto(row);
  });
}
