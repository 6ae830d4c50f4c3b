import { withTenant } from "@/db/with-tenant";
import { fidelityFigure } from "@/lib/domain/effectiveness/compute-effectiveness";
import { ForbiddenError } from "@/lib/domain/errors";
import { canManageIntervention } from "@/lib/domain/policy";
import { roundRate } from "@/lib/domain/progress";
import { visibleStudent } from "../access";
import type { UseCaseContext } from "../context";
import { deliveryOf } from "../sessions/delivery-of";
import { enrollmentViews } from "../students/student-record";

export interface DecisionInterventionOption {
  interventionId: string;
  name: string;
  tier: number;
  current: boolean;
  /** The intervention's fidelity to date (0–1, as the gate reads it); null unknown. */
  fidelity: number | null;
  facilitators: string[];
}

/**
 * What the tier decision form needs before submit: the student's interventions, each with its
 * fidelity to date, so the form warns of low fidelity as the server's gate will
 * (lib/domain/tiers/fidelity-gate.ts). Managers only, like the decision itself.
 */
export async function prepareTierDecision(
  ctx: UseCaseContext,
  studentId: string,
): Promise<DecisionInterventionOption[]> {
  if (!canManageIntervention(ctx.actor)) {
    throw new ForbiddenError("Only intervention specialists and district admins change tiers.");
  }
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    await visibleStudent(tx, ctx.actor, studentId);
    const enrollments = await enrollmentViews(tx, ctx.actor.tenantId, studentId);
    // A student who left and came back has one line per intervention: the latest.
    const byIntervention = new Map(enrollments.map((e) => [e.interventionId, e]));
    const deliveries = await deliveryOf(
      tx,
      ctx.actor.tenantId,
      [...byIntervention.values()].map((e) => ({
        id: e.interventionId,
        durationWeeks: e.durationWeeks,
        scheduleDays: e.schedule.days,
      })),
      ctx.now(),
    );
    return [...byIntervention.values()]
      .map((e) => {
        const delivery = deliveries.get(e.interventionId);
        return {
          interventionId: e.interventionId,
          name: e.name,
          tier: e.tier,
          current: e.current,
          fidelity: delivery ? roundRate(fidelityFigure(delivery.fidelity)) : null,
          facilitators: e.facilitators,
        };
      })
      .sort((a, b) => Number(b.current) - Number(a.current));
  });
}
