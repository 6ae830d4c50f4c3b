import type { Tx } from "@/db/client";
import { lockReview } from "@/db/queries/exits/reviews";
import { getVisibleIntervention } from "@/db/queries/interventions/visible";
import { ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import { interventionAccess, mayDecideExits } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";

/**
 * The review, locked, with the actor's access to its group. Another district's review, or one
 * in a group the actor has no tie to, is "not found"; existence is checked before permission.
 */
export async function loadReviewForDecision(
  tx: Tx,
  ctx: UseCaseContext,
  reviewId: string,
  allowed: (access: ReturnType<typeof interventionAccess>) => boolean,
  refusal: string,
) {
  const review = await lockReview(tx, ctx.actor.tenantId, reviewId);
  if (!review) throw new NotFoundError("Exit review");
  const intervention = await getVisibleIntervention(
    tx,
    ctx.actor,
    review.interventionId,
    ctx.now(),
  );
  const access = intervention ? interventionAccess(ctx.actor, intervention) : "none";
  if (access === "none") throw new NotFoundError("Exit review");
  if (!allowed(access)) throw new ForbiddenError(refusal);
  return { review, access };
}

/** The review an approval or a refusal decides: only specialists and district admins decide. */
export function loadReviewToDecide(
  tx: Tx,
  ctx: UseCaseContext,
  reviewId: string,
  verb: "approve" | "decline",
) {
  return loadReviewForDecision(
    tx,
    ctx,
    reviewId,
    () => mayDecideExits(ctx.actor),
    `Only intervention specialists and district admins ${verb} an exit.`,
  );
}
