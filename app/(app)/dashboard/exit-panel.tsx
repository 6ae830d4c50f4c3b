import { ExitFollowUps, ReadyForExit } from "@/components/exits/exit-dashboard";
import { type Actor, exitReviewScope } from "@/lib/domain/policy";
import { contextFor } from "@/lib/server/actor";
import { listFollowUpsDue } from "@/lib/use-cases/exits/follow-ups";
import { listExitReviews } from "@/lib/use-cases/exits/list-exit-reviews";
import { recommendExitAction, recordFollowUpAction } from "./exit-actions";

/**
 * Exits on the dashboard (Scenario 11): the students of the actor's groups the data flagged,
 * to recommend, and the follow-ups after an exit that are due (overdue flagged) or slipping.
 * Facilitators see their groups'; specialists and admins the district's.
 */
export async function ExitPanel({ actor }: { actor: Actor }) {
  if (exitReviewScope(actor) === "none") return null;
  const ctx = contextFor(actor);
  const [reviews, followUps] = await Promise.all([
    listExitReviews(ctx, { status: "eligible" }),
    listFollowUpsDue(ctx),
  ]);
  return (
    <>
      <ReadyForExit reviews={reviews.items} recommend={recommendExitAction} />
      <ExitFollowUps followUps={followUps.items} record={recordFollowUpAction} />
    </>
  );
}
