import { districtOf } from "@/db/queries/districts";
import { interventionRoster } from "@/db/queries/interventions/details";
import { monitoringPlanOf, probeScoresOfIntervention } from "@/db/queries/progress/measures";
import { readableNotesWhere } from "@/db/queries/progress/notes";
import { interventionAttendanceCounts } from "@/db/queries/sessions/attendance-history";
import { withTenant } from "@/db/with-tenant";
import { todayIn } from "@/lib/domain/calendar/dates";
import { computeEffectiveness, roundEffectivenessForDisplay } from "@/lib/domain/effectiveness";
import { ForbiddenError, UnprocessableError } from "@/lib/domain/errors";
import { mayRunSessions } from "@/lib/domain/policy";
import { measureKey, mergeReadings, type TimelineReading } from "@/lib/domain/progress/timeline";
import { loadInterventionAccess } from "../access";
import type { UseCaseContext } from "../context";
import { deliveryOf } from "../sessions/delivery-of";

/**
 * Scenario 6 (`GET /interventions/{id}/effectiveness`): the group's attendance, fidelity, scores
 * against the goal, hours invested and the recommendation, rounded once for display. The
 * students' scores are the probes plus note readings in the intervention's measure.
 */
export async function getEffectiveness(ctx: UseCaseContext, interventionId: string) {
  const { tenantId } = ctx.actor;
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const { intervention, access } = await loadInterventionAccess(tx, ctx, interventionId);
    // Non-responders name students: for the group's team, not for those following one child.
    if (!mayRunSessions(access)) {
      throw new ForbiddenError(
        "Effectiveness is for the group's team and intervention specialists.",
      );
    }
    const plan = await monitoringPlanOf(tx, tenantId, interventionId);
    if (!plan?.measureName || plan.goalValue === null) {
      throw new UnprocessableError(
        "Set the intervention's measure and goal first: effectiveness is measured against them.",
      );
    }
    const measureName = plan.measureName;
    const [district, roster, counts, deliveries, probes, notes] = await Promise.all([
      districtOf(tx, tenantId),
      interventionRoster(tx, tenantId, interventionId),
      interventionAttendanceCounts(tx, tenantId, interventionId),
      deliveryOf(tx, tenantId, [intervention], ctx.now()),
      probeScoresOfIntervention(tx, tenantId, interventionId),
      readableNotesWhere(tx, ctx.actor, { interventionId, limit: 10_000 }),
    ]);
    const readings: (TimelineReading & { studentId: string })[] = [
      ...probes.map((p) => ({
        ...p,
        interventionId,
        measureName,
        unit: plan.measureUnit,
        source: "probe" as const,
      })),
      ...notes.flatMap((n) =>
        n.measureName !== null &&
        n.measureValue !== null &&
        measureKey(n.measureName) === measureKey(measureName)
          ? [
              {
                studentId: n.studentId,
                interventionId,
                date: n.noteDate,
                value: n.measureValue,
                measureName,
                unit: n.measureUnit,
                source: "note" as const,
              },
            ]
          : [],
      ),
    ];
    const studentIds = [...new Set(roster.map((r) => r.studentId))];
    const { delivery } = deliveries.get(interventionId)!;
    const effectiveness = computeEffectiveness({
      students: studentIds.map((studentId) => ({
        studentId,
        scores: mergeReadings(readings.filter((r) => r.studentId === studentId)),
      })),
      goal: plan.goalValue,
      direction: plan.measureDirection,
      startDate: intervention.startDate,
      endDate: intervention.endDate,
      today: todayIn(district.timeZone, ctx.now()),
      attendance: counts,
      sessionsScheduledToDate: delivery.sessionsScheduledToDate,
      sessionsHeld: delivery.sessionsHeld,
      minutesPerSession: intervention.sessionMinutes,
      // Both minute figures from deliveryToDate, so fidelity here is the one the session pages show.
      minutesPlanned: delivery.minutesPlanned,
      minutesDelivered: delivery.minutesDelivered,
      facilitatorCount: Math.max(1, intervention.facilitatorIds.length),
      // The grade-level bar for non-responders: the proficiency target, else the goal itself.
      benchmarkCut: plan.proficiencyTarget ?? plan.goalValue,
    });
    return roundEffectivenessForDisplay(effectiveness);
  });
}
