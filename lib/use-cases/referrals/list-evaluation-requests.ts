import { evaluationRequestsOf, openEvaluationRequests } from "@/db/queries/evaluation-requests";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError } from "@/lib/domain/errors";
import { canAnswerEvaluationRequests } from "@/lib/domain/policy/referrals";
import { visibleStudent } from "../access";
import type { UseCaseContext } from "../context";

/**
 * A student's requests for an evaluation, newest first, for whoever may see the student (their
 * family included: a parent sees that their request was recorded and how it was answered).
 */
export async function listEvaluationRequests(ctx: UseCaseContext, studentId: string) {
  const { actor } = ctx;
  return withTenant(ctx.db, actor, async (tx) => {
    await visibleStudent(tx, actor, studentId);
    return evaluationRequestsOf(tx, actor.tenantId, studentId);
  });
}

/** The team's dashboard list: the district's requests still waiting for an answer. */
export async function listOpenEvaluationRequests(ctx: UseCaseContext) {
  const { actor } = ctx;
  if (!canAnswerEvaluationRequests(actor)) throw new ForbiddenError();
  return withTenant(ctx.db, actor, (tx) => openEvaluationRequests(tx, actor.tenantId));
}
