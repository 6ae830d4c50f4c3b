import { appendAudit } from "@/db/queries/audit";
import { districtOf } from "@/db/queries/districts";
import { enqueueEvents } from "@/db/queries/outbox";
import {
  insertTierChange,
  interventionExists,
  lockStudentTier,
  setCurrentTier,
} from "@/db/queries/tier-changes";
import { todayIn } from "@/lib/domain/calendar/dates";
import { ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import { studentSubject } from "@/lib/domain/events";
import { canManageIntervention } from "@/lib/domain/policy";
import { tierDecision } from "@/lib/domain/tiers/decision";
import type { ChangeTierInput } from "@/lib/domain/tiers/schemas";
import { runIdempotent } from "../common/idempotent";
import type { UseCaseContext } from "../context";

export interface TierChangeDto {
  id: string;
  studentId: string;
  fromTier: number | null;
  toTier: number;
  decision: string;
  decidedOn: string;
  reason: string;
  interventionId: string | null;
  decidedBy: string | null;
  createdAt: string;
}

/** Retries of the same decision within this window return the first answer. */
export const CHANGE_TIER_IDEMPOTENCY_MINUTES = 10;

/**
 * Moves a student to another tier with its justification: the tier timeline row, the student's
 * current tier, an audit row whose reason is the justification, and — when the tier goes up —
 * a `TierEscalatedEvent`, all in one transaction.
 */
export async function changeTier(
  ctx: UseCaseContext,
  studentId: string,
  input: ChangeTierInput,
  idempotencyKey?: string | null,
) {
  if (!canManageIntervention(ctx.actor)) {
    throw new ForbiddenError("Only intervention specialists and district admins change tiers.");
  }
  const { tenantId } = ctx.actor;
  return runIdempotent<TierChangeDto>(
    ctx,
    {
      operation: "change-tier",
      key: idempotencyKey,
      request: { studentId, ...input },
      windowMinutes: CHANGE_TIER_IDEMPOTENCY_MINUTES,
    },
    async (tx) => {
      const student = await lockStudentTier(tx, tenantId, studentId);
      if (!student) throw new NotFoundError("Student");
      if (input.interventionId && !(await interventionExists(tx, tenantId, input.interventionId))) {
        throw new NotFoundError(
          "Intervention",
          "The intervention was not found in your district.",
          [{ path: "interventionId", message: "No such intervention in your district." }],
        );
      }
      const decision = tierDecision(student.currentTier, input.toTier, input.decision);
      const district = await districtOf(tx, tenantId);
      const decidedOn = input.decidedOn ?? todayIn(district.timeZone, ctx.now());

      const change = await insertTierChange(tx, {
        tenantId,
        studentId,
        fromTier: student.currentTier,
        toTier: input.toTier,
        decidedOn,
        decision,
        justification: input.reason,
        dataSnapshot: input.dataSnapshot ?? null,
        interventionId: input.interventionId ?? null,
        decidedBy: ctx.actor.userId,
      });
      await setCurrentTier(tx, tenantId, studentId, input.toTier);
      await appendAudit(tx, ctx.actor, ctx.requestId, [
        {
          action: "student.tier_changed",
          entityType: "student",
          entityId: studentId,
          studentId,
          before: { currentTier: student.currentTier },
          after: {
            currentTier: input.toTier,
            decision,
            decidedOn,
            tierChangeId: change.id,
            interventionId: change.interventionId,
          },
          reason: input.reason,
        },
      ]);
      if (input.toTier > student.currentTier) {
        await enqueueEvents(tx, tenantId, ctx.now(), [
          {
            type: "TierEscalatedEvent",
            subject: studentSubject(studentId),
            data: {
              tierChangeId: change.id,
              studentId,
              fromTier: student.currentTier,
              toTier: input.toTier,
              decidedOn,
              interventionId: change.interventionId,
            },
          },
        ]);
      }
      return {
        status: 201,
        body: {
          id: change.id,
          studentId,
          fromTier: change.fromTier,
          toTier: change.toTier,
          decision: change.decision,
          decidedOn: change.decidedOn,
          reason: change.justification,
          interventionId: change.interventionId,
          decidedBy: change.decidedBy,
          createdAt: change.createdAt.toISOString(),
        },
      };
    },
  );
}
