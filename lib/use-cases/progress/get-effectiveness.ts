import type { Tx } from "@/db/client";
import { listReadTarget, recordRead } from "@/db/queries/audit";
import { budgetRowsOf } from "@/db/queries/budget-inputs";
import { districtOf } from "@/db/queries/districts";
import { groupsById } from "@/db/queries/effectiveness-inputs";
import { summariesOf } from "@/db/queries/effectiveness-summaries";
import { interventionRoster } from "@/db/queries/interventions/details";
import { monitoringPlanOf, probeScoresOfIntervention } from "@/db/queries/progress/measures";
import { readableNotesWhere } from "@/db/queries/progress/notes";
import { interventionAttendanceCounts } from "@/db/queries/sessions/attendance-history";
import { withTenant } from "@/db/with-tenant";
import { studentsNamedIn } from "@/lib/domain/audit/students-named";
import { todayIn } from "@/lib/domain/calendar/dates";
import {
  computeGroupEffectiveness,
  readsEveryNote,
  roundEffectivenessForDisplay,
  roundStudentProgressForDisplay,
  spentOf,
} from "@/lib/domain/effectiveness";
import { ForbiddenError, UnprocessableError } from "@/lib/domain/errors";
import { mayRunSessions } from "@/lib/domain/policy";
import { canReadBudget } from "@/lib/domain/policy/resources";
import { measureKey, mergeReadings, type TimelineReading } from "@/lib/domain/progress/timeline";
import { loadInterventionAccess } from "../access";
import type { UseCaseContext } from "../context";
import { budgetsFromRows } from "../resources/intervention-budget";
import { deliveryOf } from "../sessions/delivery-of";
import { summarizedEffectiveness } from "./effectiveness-summary";

/**
 * Scenario 6 (`GET /interventions/{id}/effectiveness`): the group's attendance, fidelity, scores
 * against the goal, hours invested and the recommendation, rounded once for display. The
 * students' scores are the probes plus note readings in the intervention's measure.
 */
export async function getEffectiveness(ctx: UseCaseContext, interventionId: string) {
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const effectiveness = await storedEffectivenessIn(tx, ctx, interventionId);
    // The figures are the group's students' scores, some named (non-responders): one read row.
    await recordRead(
      tx,
      ctx.actor,
      ctx.requestId,
      listReadTarget("effectiveness", studentsNamedIn(effectiveness), { interventionId }),
    );
    return effectiveness;
  });
}

// Non-responders name students: for the group's team, not for those following one child.
const NOT_THE_TEAM = "Effectiveness is for the group's team and intervention specialists.";

const NO_MEASURE_AND_GOAL =
  "Set the intervention's measure and goal first: effectiveness is measured against them.";

/**
 * getEffectiveness's figures from the group's stored summary, computed again only when it is
 * stale (lib/use-cases/progress/effectiveness-summary.ts), so they equal effectivenessIn's.
 * The summary holds the cost in money: stripped for a reader who may not see pay rates.
 */
async function storedEffectivenessIn(tx: Tx, ctx: UseCaseContext, interventionId: string) {
  const { tenantId, staffId } = ctx.actor;
  // One round trip for the access check and what the answer needs: nothing read here leaves
  // this function before the check has passed, and a refusal rolls the transaction back.
  const [{ intervention, access }, district, plan, stored] = await Promise.all([
    loadInterventionAccess(tx, ctx, interventionId),
    districtOf(tx, tenantId),
    monitoringPlanOf(tx, tenantId, interventionId),
    summariesOf(tx, tenantId, [interventionId]),
  ]);
  if (!mayRunSessions(access)) throw new ForbiddenError(NOT_THE_TEAM);
  const now = ctx.now();
  // effectivenessIn's own check, before any summary is computed or stored.
  if (!plan?.measureName || plan.goalValue === null) {
    throw new UnprocessableError(NO_MEASURE_AND_GOAL);
  }
  const figures = await summarizedEffectiveness(
    tx,
    ctx.actor,
    [interventionId],
    (ids) => groupsById(tx, tenantId, ids),
    {
      today: todayIn(district.timeZone, now),
      now,
      districtSettings: district.settings,
      readsEveryNote: readsEveryNote(
        ctx.actor,
        staffId !== null && intervention.facilitatorIds.includes(staffId),
      ),
      stored,
    },
  );
  const effectiveness = figures.get(interventionId)?.effectiveness;
  if (!effectiveness) throw new Error(`No effectiveness computed for ${interventionId}`);
  return canReadBudget(access) ? effectiveness : { ...effectiveness, cost: null };
}

/**
 * The dashboard's view (app/(app)/interventions/[id]/effectiveness/page.tsx): the same figures,
 * with each student's analysis they were computed from (chance of reaching the goal included),
 * the scores behind it for the charts, and the measure and dates they are read against. The
 * API's body stays `getEffectiveness`'s.
 */
export async function getEffectivenessDashboard(ctx: UseCaseContext, interventionId: string) {
  const { effectiveness, students, names, plan, intervention, today } = await loadEffectiveness(
    ctx,
    interventionId,
  );
  return {
    effectiveness,
    measure: {
      name: plan.measureName,
      unit: plan.measureUnit,
      direction: plan.measureDirection,
      goal: plan.goalValue,
      benchmark: plan.proficiencyTarget ?? plan.goalValue,
    },
    startDate: intervention.startDate,
    endDate: intervention.endDate,
    today,
    students: students.map(({ analysis, scores }) => ({
      ...roundStudentProgressForDisplay(analysis),
      ...names.get(analysis.studentId)!,
      scores,
    })),
  };
}

async function loadEffectiveness(ctx: UseCaseContext, interventionId: string) {
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const loaded = await effectivenessIn(tx, ctx, interventionId);
    await recordRead(
      tx,
      ctx.actor,
      ctx.requestId,
      listReadTarget(
        "effectiveness-dashboard",
        loaded.students.map((s) => s.analysis.studentId),
        { interventionId },
      ),
    );
    return loaded;
  });
}

/**
 * The figures and each student's analysis, read in the caller's transaction: the pages above,
 * and the snapshot a tier decision keeps of the data it rests on
 * (lib/use-cases/tiers/decision-snapshot.ts).
 */
export async function effectivenessIn(tx: Tx, ctx: UseCaseContext, interventionId: string) {
  const { tenantId } = ctx.actor;
  const { intervention, access } = await loadInterventionAccess(tx, ctx, interventionId);
  if (!mayRunSessions(access)) throw new ForbiddenError(NOT_THE_TEAM);
  const plan = await monitoringPlanOf(tx, tenantId, interventionId);
  if (!plan?.measureName || plan.goalValue === null) {
    throw new UnprocessableError(NO_MEASURE_AND_GOAL);
  }
  const measureName = plan.measureName;
  // The cost to date in money carries the district's pay rates: only for those who manage the group.
  const costed = canReadBudget(access);
  const [district, roster, counts, deliveries, probes, notes, budgetRows] = await Promise.all([
    districtOf(tx, tenantId),
    interventionRoster(tx, tenantId, interventionId),
    interventionAttendanceCounts(tx, tenantId, interventionId),
    deliveryOf(tx, tenantId, [intervention], ctx.now()),
    probeScoresOfIntervention(tx, tenantId, interventionId),
    readableNotesWhere(tx, ctx.actor, { interventionId, limit: 10_000 }),
    costed ? budgetRowsOf(tx, tenantId, [interventionId], "held") : null,
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
  const names = new Map(
    roster.map((r) => [
      r.studentId,
      { firstName: r.firstName, lastName: r.lastName, stillEnrolled: r.isActive },
    ]),
  );
  const scoresOf = new Map(
    studentIds.map((studentId) => [
      studentId,
      mergeReadings(readings.filter((r) => r.studentId === studentId)),
    ]),
  );
  const today = todayIn(district.timeZone, ctx.now());
  const { delivery } = deliveries.get(interventionId)!;
  const computed = computeGroupEffectiveness({
    students: studentIds.map((studentId) => ({ studentId, scores: scoresOf.get(studentId)! })),
    goal: plan.goalValue,
    direction: plan.measureDirection,
    startDate: intervention.startDate,
    endDate: intervention.endDate,
    today,
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
    // The budget's rules over the sessions held, for everyone ever enrolled.
    spent:
      budgetRows === null
        ? null
        : spentOf(
            budgetsFromRows(
              budgetRows,
              [
                {
                  id: interventionId,
                  durationWeeks: intervention.durationWeeks,
                  students: studentIds.length,
                },
              ],
              district.settings,
            ).get(interventionId)!,
          ),
  });
  return {
    effectiveness: roundEffectivenessForDisplay(computed.effectiveness),
    students: computed.students.map((analysis) => ({
      analysis,
      scores: scoresOf.get(analysis.studentId)!.map(({ date, value }) => ({ date, value })),
    })),
    names,
    plan: { ...plan, measureName, goalValue: plan.goalValue },
    intervention,
    today,
  };
}
