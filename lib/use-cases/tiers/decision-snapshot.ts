import type { Tx } from "@/db/client";
import { roundStudentProgressForDisplay } from "@/lib/domain/effectiveness";
import { fidelityFigure } from "@/lib/domain/effectiveness/compute-effectiveness";
import { UnprocessableError } from "@/lib/domain/errors";
import { roundRate, sortByDate } from "@/lib/domain/progress";
import { type DecisionSnapshot, emptySnapshot } from "@/lib/domain/tiers/snapshot";
import { loadInterventionAccess } from "../access";
import type { UseCaseContext } from "../context";
import { effectivenessIn } from "../progress/get-effectiveness";
import { deliveryOf } from "../sessions/delivery-of";
import { enrollmentViews } from "../students/student-record";

/**
 * The data a tier decision rests on, read in the decision's own transaction when it is saved
 * (never from the client): the student's chart scores in the intervention named, the decision
 * rule's verdict, their attendance and the intervention's fidelity. The figures are the
 * effectiveness page's own (effectivenessIn) and the student page's attendance
 * (enrollmentViews), not computed again here. An intervention without a measure and goal gives
 * its fidelity and the student's attendance, without scores or verdict.
 */
export async function takeDecisionSnapshot(
  tx: Tx,
  ctx: UseCaseContext,
  studentId: string,
  interventionId: string | null,
  asOf: string,
): Promise<DecisionSnapshot> {
  const snapshot = emptySnapshot(ctx.now().toISOString(), asOf);
  if (!interventionId) return snapshot;
  const { tenantId } = ctx.actor;
  const { intervention } = await loadInterventionAccess(tx, ctx, interventionId);
  const enrollment = (await enrollmentViews(tx, tenantId, studentId)).findLast(
    (e) => e.interventionId === interventionId,
  );
  snapshot.intervention = {
    id: intervention.id,
    name: intervention.name,
    tier: intervention.tier,
    startDate: intervention.startDate,
    endDate: intervention.endDate,
  };
  snapshot.attendance = enrollment
    ? { rate: roundRate(enrollment.attendance.rate), counts: enrollment.attendance.counts }
    : null;

  const plan = await effectivenessIn(tx, ctx, interventionId).catch((error: unknown) => {
    // No measure or goal yet: the decision keeps what can be known without them.
    if (error instanceof UnprocessableError) return null;
    throw error;
  });
  if (plan === null) {
    const { fidelity } = (await deliveryOf(tx, tenantId, [intervention], ctx.now())).get(
      interventionId,
    )!;
    snapshot.fidelity = {
      value: roundRate(fidelityFigure(fidelity)),
      sessionRate: roundRate(fidelity.sessionRate),
      minutesRate: roundRate(fidelity.minutesRate),
      threshold: fidelity.threshold,
      trusted: fidelity.trusted,
    };
    return snapshot;
  }
  const { effectiveness, students } = plan;
  snapshot.fidelity = {
    value: effectiveness.fidelity,
    sessionRate: effectiveness.fidelityDetail.sessionRate,
    minutesRate: effectiveness.fidelityDetail.minutesRate,
    threshold: effectiveness.fidelityDetail.threshold,
    trusted: effectiveness.fidelityDetail.trusted,
  };
  snapshot.measure = {
    name: plan.plan.measureName,
    unit: plan.plan.measureUnit,
    direction: plan.plan.measureDirection,
    goal: plan.plan.goalValue,
    benchmark: plan.plan.proficiencyTarget ?? plan.plan.goalValue,
  };
  const student = students.find((s) => s.analysis.studentId === studentId);
  if (student) {
    const a = roundStudentProgressForDisplay(student.analysis);
    snapshot.scores = sortByDate(student.scores).map(({ date, value }) => ({ date, value }));
    snapshot.baseline = a.baseline;
    snapshot.latest = a.latest;
    snapshot.trendSlopePerWeek = a.trendSlopePerWeek;
    snapshot.aimSlopePerWeek = a.aimSlopePerWeek;
    snapshot.verdict = a.decision
      ? { verdict: a.decision.verdict, rule: a.decision.rule, explanation: a.decision.explanation }
      : null;
  }
  return snapshot;
}
