import { appendAudit } from "@/db/queries/audit";
import { evaluationRequestById, insertEvaluationRequest } from "@/db/queries/evaluation-requests";
import { studentConnection } from "@/db/queries/progress/readable";
import { withTenant } from "@/db/with-tenant";
import { todayIn } from "@/lib/domain/calendar/dates";
import type { RecordEvaluationRequestInput } from "@/lib/domain/decisions/evaluation-requests";
import { NotFoundError, ValidationError } from "@/lib/domain/errors";
import { isFamily } from "@/lib/domain/policy";
import { mayRecordEvaluationRequest } from "@/lib/domain/policy/referrals";
import type { UseCaseContext } from "../context";

/**
 * Records a request for a special-education evaluation (34 CFR 300.301(b)): a parent's for their
 * own child, or one written down by any staff member for any student of the district. Nothing
 * blocks it — not an open intervention, not the tier, not an earlier request still open: the
 * right to ask is the parent's at any time. The request shows on the student's page and in the
 * team's "Requests for evaluation" list until it is answered. Anyone else: 404.
 */
export async function recordEvaluationRequest(
  ctx: UseCaseContext,
  studentId: string,
  input: RecordEvaluationRequestInput,
) {
  const { actor } = ctx;
  return withTenant(ctx.db, actor, async (tx) => {
    const tie = await studentConnection(tx, actor, studentId);
    if (!tie || !mayRecordEvaluationRequest(actor, tie)) throw new NotFoundError("Student");
    const family = isFamily(actor);
    const requesterKind = family ? "guardian" : (input.requesterKind ?? "guardian");
    const requesterName =
      family || requesterKind === "staff"
        ? (input.requesterName ?? actor.name)
        : input.requesterName;
    if (!requesterName) {
      throw new ValidationError([
        { path: "requesterName", message: "Say which parent or guardian asked." },
      ]);
    }
    const id = await insertEvaluationRequest(tx, {
      tenantId: actor.tenantId,
      studentId,
      requestedOn: input.requestedOn ?? todayIn(actor.timeZone, ctx.now()),
      requesterKind,
      requesterName,
      note: input.note || null,
      recordedBy: actor.userId,
    });
    const request = (await evaluationRequestById(tx, actor.tenantId, id))!;
    await appendAudit(tx, actor, ctx.requestId, [
      {
        action: "evaluation_request.recorded",
        entityType: "evaluation_request",
        entityId: id,
        studentId,
        after: {
          requestedOn: request.requestedOn,
          requesterKind,
          requesterName,
          note: request.note,
        },
      },
    ]);
    return request;
  });
}
