import { recordRead } from "@/db/queries/audit";
import { studentWithSchool } from "@/db/queries/students";
import { withTenant } from "@/db/with-tenant";
import { NotFoundError } from "@/lib/domain/errors";
import { needsLowFidelityReason } from "@/lib/domain/tiers/fidelity-gate";
import { storedSnapshot } from "@/lib/domain/tiers/snapshot";
import { visibleStudent } from "../access";
import type { UseCaseContext } from "../context";
import { tierDecisionFor } from "./tier-history";

/**
 * One tier decision with the data it rests on, exactly as stored when it was taken
 * (`/students/{id}/decisions/{decisionId}`). For staff who may see the student and read scores
 * (managers, the student's facilitators and teachers); a family, or anyone without a tie to the
 * student, gets not found: the snapshot holds probe scores.
 */
export async function getTierDecision(ctx: UseCaseContext, studentId: string, decisionId: string) {
  const { actor } = ctx;
  return withTenant(ctx.db, actor, async (tx) => {
    const audience = await visibleStudent(tx, actor, studentId);
    if (audience === "family") throw new NotFoundError("Tier decision");
    const [student, decision] = await Promise.all([
      studentWithSchool(tx, actor.tenantId, studentId),
      tierDecisionFor(tx, actor.tenantId, studentId, decisionId, audience),
    ]);
    if (!student || !decision) throw new NotFoundError("Tier decision");
    const snapshot = storedSnapshot(decision.dataSnapshot);
    await recordRead(tx, actor, ctx.requestId, {
      entityType: "student",
      entityId: studentId,
      studentId,
      details: { view: "tier-decision", tierChangeId: decisionId },
    });
    const { dataSnapshot: _stored, ...rest } = decision;
    return {
      student: {
        id: student.id,
        firstName: student.firstName,
        lastName: student.lastName,
        currentTier: student.currentTier,
      },
      decision: rest,
      snapshot,
      /** Whether the decision went ahead past the fidelity gate. */
      gated:
        snapshot !== null &&
        decision.fromTier !== null &&
        needsLowFidelityReason({
          fromTier: decision.fromTier,
          toTier: decision.toTier,
          fidelity: snapshot.fidelity?.value ?? null,
        }),
    };
  });
}
