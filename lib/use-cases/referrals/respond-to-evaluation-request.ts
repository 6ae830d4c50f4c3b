import { appendAudit } from "@/db/queries/audit";
import { answerEvaluationRequest, evaluationRequestById } from "@/db/queries/evaluation-requests";
import { withTenant } from "@/db/with-tenant";
import type { RespondToEvaluationRequestInput } from "@/lib/domain/decisions/evaluation-requests";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import { canAnswerEvaluationRequests } from "@/lib/domain/policy/referrals";
import type { UseCaseContext } from "../context";

/** The school's answer to a request for an evaluation (specialists and admins); answered once. */
export async function respondToEvaluationRequest(
  ctx: UseCaseContext,
  requestId: string,
  input: RespondToEvaluationRequestInput,
) {
  const { actor } = ctx;
  return withTenant(ctx.db, actor, async (tx) => {
    const request = await evaluationRequestById(tx, actor.tenantId, requestId);
    if (!request) throw new NotFoundError("Evaluation request");
    if (!canAnswerEvaluationRequests(actor)) {
      throw new ForbiddenError("Specialists and admins answer requests for an evaluation.");
    }
    const answered = await answerEvaluationRequest(tx, actor.tenantId, requestId, {
      response: input.response,
      respondedBy: actor.userId,
      respondedAt: ctx.now(),
    });
    if (!answered) throw new ConflictError("This request has already been answered.");
    await appendAudit(tx, actor, ctx.requestId, [
      {
        action: "evaluation_request.answered",
        entityType: "evaluation_request",
        entityId: requestId,
        studentId: request.studentId,
        before: { status: request.status },
        after: { status: "answered", response: input.response },
      },
    ]);
    return { ...request, status: "answered" as const, response: input.response };
  });
}
