import { appendAudit } from "@/db/queries/audit";
import { listFollowUps, lockFollowUp, recordFollowUpResult } from "@/db/queries/exits/follow-ups";
import { getVisibleIntervention } from "@/db/queries/interventions/visible";
import { withTenant } from "@/db/with-tenant";
import { todayIn } from "@/lib/domain/calendar/dates";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import { isFollowUpOverdue, type RecordFollowUpInput } from "@/lib/domain/exit";
import { exitReviewScope, interventionAccess, mayRecordFollowUp } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";
import { type ExitEnrollmentRef, exitEnrollmentRef } from "./exit-review-dto";

export interface FollowUpDto extends ExitEnrollmentRef {
  dueOn: string;
  status: "due" | "holding" | "slipping";
  probeScore: number | null;
  note: string | null;
  recordedAt: string | null;
  overdue: boolean;
  /** Slipping: the student may go back into the group (its enroll form). */
  reEnrollHref: string | null;
}

/**
 * The follow-ups the actor should see now: every check due today or earlier that is not done
 * (overdue ones flagged), and the slipping ones of the last weeks with their re-entry link. A
 * facilitator sees their groups', a specialist or admin the district's.
 */
export async function listFollowUpsDue(ctx: UseCaseContext): Promise<{ items: FollowUpDto[] }> {
  const scope = exitReviewScope(ctx.actor);
  if (scope === "none") return { items: [] };
  const today = todayIn(ctx.actor.timeZone, ctx.now());
  const rows = await withTenant(ctx.db, ctx.actor, (tx) =>
    listFollowUps(tx, ctx.actor.tenantId, {
      facilitatorStaffId: scope === "own-groups" ? (ctx.actor.staffId ?? "") : undefined,
      dueBy: today,
      statuses: ["due", "slipping"],
    }),
  );
  return {
    items: rows.map((row) => ({
      ...exitEnrollmentRef(row),
      dueOn: row.dueOn,
      status: row.status,
      probeScore: row.probeScore,
      note: row.note,
      recordedAt: row.recordedAt?.toISOString() ?? null,
      overdue: isFollowUpOverdue(row, today),
      reEnrollHref:
        row.status === "slipping" ? `/interventions/${row.interventionId}#enroll-heading` : null,
    })),
  };
}

/**
 * The facilitator's weekly check after an exit: holding or slipping, with an optional probe
 * score and note. Once recorded it stays (a correction is a new check next week); audited.
 */
export async function recordFollowUp(
  ctx: UseCaseContext,
  followUpId: string,
  input: RecordFollowUpInput,
) {
  const { tenantId } = ctx.actor;
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const followUp = await lockFollowUp(tx, tenantId, followUpId);
    if (!followUp) throw new NotFoundError("Follow-up");
    const intervention = await getVisibleIntervention(
      tx,
      ctx.actor,
      followUp.interventionId,
      ctx.now(),
    );
    const access = intervention ? interventionAccess(ctx.actor, intervention) : "none";
    // The student has left the group: the facilitator's tie is the group, not the enrollment.
    if (access === "none") throw new NotFoundError("Follow-up");
    if (!mayRecordFollowUp(access)) {
      throw new ForbiddenError("Only the group's facilitators record its follow-ups.");
    }
    if (followUp.status !== "due") throw new ConflictError("This follow-up is already recorded.");
    const updated = await recordFollowUpResult(tx, tenantId, followUp.id, {
      status: input.status,
      probeScore: input.probeScore ?? null,
      note: input.note || null,
      recordedBy: ctx.actor.userId,
      recordedAt: ctx.now(),
    });
    await appendAudit(tx, ctx.actor, ctx.requestId, [
      {
        action: "exit-follow-up.recorded",
        entityType: "exit_follow_up",
        entityId: followUp.id,
        studentId: followUp.studentId,
        before: { status: "due" },
        after: { status: input.status, probeScore: input.probeScore ?? null },
      },
    ]);
    return { id: updated.id, status: updated.status };
  });
}
