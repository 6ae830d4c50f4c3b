import { appendAudit } from "@/db/queries/audit";
import { reportingPeriodsOf } from "@/db/queries/families/reporting-periods";
import { deleteHold, insertHold, summarizedPairs } from "@/db/queries/families/summaries";
import { studentConnection } from "@/db/queries/progress/readable";
import { withTenant } from "@/db/with-tenant";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import { canManageIntervention } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";

/**
 * A specialist holds a child's summary of a period before it goes out (a family situation, a
 * score to check), with the reason, or releases the hold. Too late once the summary was written
 * (409). Audited both ways.
 */
export async function setProgressSummaryHold(
  ctx: UseCaseContext,
  studentId: string,
  input: { periodId: string; reason?: string; held: boolean },
) {
  if (!canManageIntervention(ctx.actor)) {
    throw new ForbiddenError("Only intervention specialists and district admins hold summaries.");
  }
  const { tenantId } = ctx.actor;
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    if (!(await studentConnection(tx, ctx.actor, studentId))) throw new NotFoundError("Student");
    const period = (await reportingPeriodsOf(tx, tenantId)).find((p) => p.id === input.periodId);
    if (!period) throw new NotFoundError("Reporting period");
    const written = [...(await summarizedPairs(tx, tenantId, period.id))].some((pair) =>
      pair.startsWith(`${studentId}|`),
    );
    if (written) {
      throw new ConflictError(`The summaries of ${period.name} were already written.`);
    }
    if (input.held) {
      await insertHold(tx, {
        tenantId,
        periodId: period.id,
        studentId,
        reason: input.reason ?? "",
        heldBy: ctx.actor.userId,
      });
    } else {
      await deleteHold(tx, tenantId, period.id, studentId);
    }
    await appendAudit(tx, ctx.actor, ctx.requestId, [
      {
        action: input.held ? "progress_summary.held" : "progress_summary.released",
        entityType: "student",
        entityId: studentId,
        studentId,
        after: { period: period.name, reason: input.reason ?? null },
      },
    ]);
    return { held: input.held };
  });
}
