import { appendAudit } from "@/db/queries/audit";
import {
  familyRequestById,
  answerFamilyRequest as writeAnswer,
} from "@/db/queries/families/requests";
import { withTenant } from "@/db/with-tenant";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import type { AnswerFamilyRequestInput } from "@/lib/domain/families/requests";
import { isStaff, mayAnswerFamilyRequest } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";
import { loadFamilyRecord } from "./family-record-access";

/**
 * The team's answer to a family's question or amendment request, which the family reads in the
 * portal; answered once (a second answer is 409). The child's facilitators, specialists and
 * admins answer; a family never does (403, before any request is looked up, so the refusal says
 * nothing of which ids exist); staff who may not read the child's family record: 404. Audited
 * `family_request.answered`.
 */
export async function answerFamilyRequest(
  ctx: UseCaseContext,
  requestId: string,
  input: AnswerFamilyRequestInput,
) {
  const { actor } = ctx;
  if (!isStaff(actor)) throw new ForbiddenError("The child's team answers the family's requests.");
  return withTenant(ctx.db, actor, async (tx) => {
    const request = await familyRequestById(tx, actor.tenantId, requestId);
    if (!request) throw new NotFoundError("Family request");
    const { tie } = await loadFamilyRecord(tx, actor, request.studentId, "Family request");
    if (!mayAnswerFamilyRequest(actor, tie)) {
      throw new ForbiddenError("The child's team answers the family's requests.");
    }
    const answeredAt = ctx.now();
    const answered = await writeAnswer(tx, actor.tenantId, requestId, {
      answer: input.answer,
      answeredBy: actor.userId,
      answeredAt,
    });
    if (!answered) throw new ConflictError("This request has already been answered.");
    await appendAudit(tx, actor, ctx.requestId, [
      {
        action: "family_request.answered",
        entityType: "family_request",
        entityId: requestId,
        studentId: request.studentId,
        before: { status: request.status },
        after: { status: "answered", answer: input.answer },
      },
    ]);
    return {
      ...request,
      status: "answered" as const,
      answer: input.answer,
      answeredAt,
      answeredByName: actor.name,
    };
  });
}
