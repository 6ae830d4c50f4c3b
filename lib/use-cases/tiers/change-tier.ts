import type { Tx } from "@/db/client";
import { appendAudit } from "@/db/queries/audit";
import { districtOf } from "@/db/queries/districts";
import { enqueueEvents } from "@/db/queries/outbox";
import {
  hasTierDecision,
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
import { checkFidelityGate } from "@/lib/domain/tiers/fidelity-gate";
import type { ChangeTierInput, TeamMember } from "@/lib/domain/tiers/schemas";
import { runIdempotent } from "../common/idempotent";
import { queueTierChangeLetters } from "../communications/queue-tier-change-letters";
import type { UseCaseContext } from "../context";
import { takeDecisionSnapshot } from "./decision-snapshot";
import { snapshotUrl } from "./snapshot-url";

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
  team: TeamMember[];
  lowFidelityReason: string | null;
  /** The intervention's fidelity when the decision was taken (0–1), null when unknown. */
  fidelity: number | null;
  /** How many letters to the family were queued. */
  lettersQueued: number;
  /** The page showing the decision with the data it rests on, as it was. */
  snapshotUrl: string;
  createdAt: string;
}

/** Retries of the same decision within this window return the first answer. */
export const CHANGE_TIER_IDEMPOTENCY_MINUTES = 10;

/**
 * Moves a student to another tier with its justification: the tier timeline row with the team
 * and the snapshot of the data it rests on (taken here, from the database), the student's
 * current tier, a letter to each guardian, an audit row whose reason is the justification, and
 * — when the tier goes up — a `TierEscalatedEvent`, all in one transaction. A move up while the
 * intervention's fidelity is below 80 % needs a reason to go on (422 otherwise).
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
  return runIdempotent<TierChangeDto>(
    ctx,
    {
      operation: "change-tier",
      key: idempotencyKey,
      request: { studentId, ...input },
      windowMinutes: CHANGE_TIER_IDEMPOTENCY_MINUTES,
    },
    async (tx) => ({ status: 201, body: await changeTierIn(tx, ctx, studentId, input) }),
  );
}

/**
 * The decision in the caller's transaction, for a meeting that records it with the student
 * discussed (lib/use-cases/meetings/add-meeting-student.ts). The caller has checked the role.
 */
export async function changeTierIn(
  tx: Tx,
  ctx: UseCaseContext,
  studentId: string,
  input: ChangeTierInput,
): Promise<TierChangeDto> {
  const { tenantId } = ctx.actor;
  const student = await lockStudentTier(tx, tenantId, studentId);
  if (!student) throw new NotFoundError("Student");
  if (input.interventionId && !(await interventionExists(tx, tenantId, input.interventionId))) {
    throw new NotFoundError("Intervention", "The intervention was not found in your district.", [
      { path: "interventionId", message: "No such intervention in your district." },
    ]);
  }
  const decision = tierDecision(student.currentTier, input.toTier, input.decision, {
    firstPlacement:
      input.decision === "start" ? !(await hasTierDecision(tx, tenantId, studentId)) : false,
  });
  const district = await districtOf(tx, tenantId);
  const decidedOn = input.decidedOn ?? todayIn(district.timeZone, ctx.now());
  const snapshot = await takeDecisionSnapshot(
    tx,
    ctx,
    studentId,
    input.interventionId ?? null,
    todayIn(district.timeZone, ctx.now()),
  );
  const fidelity = snapshot.fidelity?.value ?? null;
  const lowFidelityReason = checkFidelityGate(
    { fromTier: student.currentTier, toTier: input.toTier, fidelity },
    input.lowFidelityReason,
  );

  const change = await insertTierChange(tx, {
    tenantId,
    studentId,
    fromTier: student.currentTier,
    toTier: input.toTier,
    decidedOn,
    decision,
    justification: input.reason,
    dataSnapshot: snapshot,
    team: input.team,
    lowFidelityReason,
    interventionId: input.interventionId ?? null,
    decidedBy: ctx.actor.userId,
  });
  await setCurrentTier(tx, tenantId, studentId, input.toTier);
  const lettersQueued = await queueTierChangeLetters(tx, ctx, {
    studentId,
    interventionId: change.interventionId,
    fromTier: student.currentTier,
    toTier: input.toTier,
    decision,
    decidedOn,
    justification: input.reason,
  });
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
  // The audit row is the last write (docs/architecture.md, rule 2).
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
        team: input.team,
        lowFidelityReason,
        lettersQueued,
      },
      reason: input.reason,
    },
  ]);
  return {
    id: change.id,
    studentId,
    fromTier: change.fromTier,
    toTier: change.toTier,
    decision: change.decision,
    decidedOn: change.decidedOn,
    reason: change.justification,
    interventionId: change.interventionId,
    decidedBy: change.decidedBy,
    team: input.team,
    lowFidelityReason,
    fidelity,
    lettersQueued,
    snapshotUrl: snapshotUrl(studentId, change.id),
    createdAt: change.createdAt.toISOString(),
  };
}
