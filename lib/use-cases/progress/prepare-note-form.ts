import { districtOf } from "@/db/queries/districts";
import { interventionRoster } from "@/db/queries/interventions/details";
import { monitoringPlanOf, readingsOfIntervention } from "@/db/queries/progress/measures";
import { withTenant } from "@/db/with-tenant";
import { todayIn } from "@/lib/domain/calendar/dates";
import { mayRunSessions } from "@/lib/domain/policy";
import { latestByMeasure, type Reading } from "@/lib/domain/progress/previous-reading";
import { loadInterventionAccess } from "../access";
import type { UseCaseContext } from "../context";

/**
 * What the note editor opens with: the group's current students, the intervention's measure to
 * prefill, and each student's latest reading per measure (to show "up from 2.8"). Null for
 * anyone who may read notes but not write them.
 */
export async function prepareNoteForm(ctx: UseCaseContext, interventionId: string) {
  const { tenantId } = ctx.actor;
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const { access } = await loadInterventionAccess(tx, ctx, interventionId);
    if (!mayRunSessions(access)) return null;
    const [roster, plan, readings, district] = await Promise.all([
      interventionRoster(tx, tenantId, interventionId),
      monitoringPlanOf(tx, tenantId, interventionId),
      readingsOfIntervention(tx, tenantId, interventionId),
      districtOf(tx, tenantId),
    ]);
    const previous: Record<string, Reading[]> = {};
    for (const student of roster) {
      previous[student.studentId] = latestByMeasure(
        readings.filter((r) => r.studentId === student.studentId),
      );
    }
    return {
      today: todayIn(district.timeZone, ctx.now()),
      students: roster
        .filter((s) => s.isActive)
        .map((s) => ({ id: s.studentId, name: `${s.firstName} ${s.lastName}` })),
      measure: plan?.measureName ? { name: plan.measureName, unit: plan.measureUnit } : null,
      previous,
    };
  });
}
