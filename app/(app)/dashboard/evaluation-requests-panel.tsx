import { OpenEvaluationRequests } from "@/components/referrals/evaluation-requests";
import type { Actor } from "@/lib/domain/policy";
import { canAnswerEvaluationRequests } from "@/lib/domain/policy/referrals";
import { contextFor } from "@/lib/server/actor";
import { listOpenEvaluationRequests } from "@/lib/use-cases/referrals/list-evaluation-requests";
import { respondToEvaluationRequestAction } from "../students/[id]/evaluation-actions";

/** The specialist's and admin's "Requests for evaluation": every open one of the district. */
export async function EvaluationRequestsPanel({ actor }: { actor: Actor }) {
  if (!canAnswerEvaluationRequests(actor)) return null;
  const requests = await listOpenEvaluationRequests(contextFor(actor));
  return <OpenEvaluationRequests requests={requests} respond={respondToEvaluationRequestAction} />;
}
