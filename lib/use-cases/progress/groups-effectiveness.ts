import type { Tx } from "@/db/client";
import { budgetRowsOf } from "@/db/queries/budget-inputs";
import {
  type ActiveGroup,
  attendanceCountsOf,
  type NoteReader,
  probeScoresOf,
  readableReadingsOf,
  rostersOf,
} from "@/db/queries/effectiveness-inputs";
import type { AttendanceCounts } from "@/lib/domain/attendance";
import type { LocalDate as CalendarDate } from "@/lib/domain/calendar/dates";
import {
  computeGroupEffectiveness,
  type Effectiveness,
  roundEffectivenessForDisplay,
  roundStudentProgressForDisplay,
  type StudentProgress,
  spentOf,
  staffHours,
} from "@/lib/domain/effectiveness";
import { groupBy } from "@/lib/domain/group-by";
import { measureKey, mergeReadings, type TimelineReading } from "@/lib/domain/progress/timeline";
import { budgetsFromRows } from "../resources/intervention-budget";
import { type Delivery, deliveryOf } from "../sessions/delivery-of";

type RosterEntry = Awaited<ReturnType<typeof rostersOf>>[number];

export interface GroupFigures {
  /** Rounded for display; null while the group has no measure and goal. */
  effectiveness: Effectiveness | null;
  /** Each student's analysis, rounded; empty without a measure and goal. */
  students: StudentProgress[];
  roster: RosterEntry[];
  delivery: Delivery;
  /** Full precision, known with or without a goal. */
  staffHours: number;
  studentsWithScores: number;
}

const NO_MARKS: AttendanceCounts = { present: 0, absent: 0, tardy: 0, excused: 0 };

/**
 * getEffectiveness's figures (lib/use-cases/progress/get-effectiveness.ts) for many groups at
 * once: each kind of input is loaded once for all the groups (db/queries/effectiveness-inputs.ts),
 * then the same pure rules run per group in memory, with the same inputs getEffectiveness gives
 * them, so a row here and the group's dashboard agree. The caller has authorized the reader.
 */
export async function groupsEffectiveness(
  tx: Tx,
  reader: NoteReader,
  groups: readonly ActiveGroup[],
  today: CalendarDate,
  now: Date,
  /**
   * The district's settings when the actor may see pay rates (the district view): each group's
   * cost to date in money, by its budget's rules over the sessions held
   * (lib/use-cases/resources/intervention-budget.ts). Without it cost is in staff hours.
   */
  costedWith?: { districtSettings: unknown },
): Promise<Map<string, GroupFigures>> {
  const ids = groups.map((g) => g.id);
  const [rosters, counts, deliveries, probes, notes, budgetRows] = await Promise.all([
    rostersOf(tx, reader.tenantId, ids),
    attendanceCountsOf(tx, reader.tenantId, ids),
    deliveryOf(tx, reader.tenantId, groups, now),
    probeScoresOf(tx, reader.tenantId, ids),
    readableReadingsOf(tx, reader, ids),
    costedWith ? budgetRowsOf(tx, reader.tenantId, ids, "held") : null,
  ]);
  const rosterOf = groupBy(rosters, (r) => r.interventionId);
  const probesOf = groupBy(probes, (p) => `${p.interventionId}|${p.studentId}`);
  const notesOf = groupBy(notes, (n) => `${n.interventionId}|${n.studentId}`);

  const budgets =
    budgetRows === null || !costedWith
      ? null
      : budgetsFromRows(
          budgetRows,
          groups.map((g) => ({
            id: g.id,
            durationWeeks: g.durationWeeks,
            students: new Set((rosterOf.get(g.id) ?? []).map((r) => r.studentId)).size,
          })),
          costedWith.districtSettings,
        );

  const figures = new Map<string, GroupFigures>();
  for (const group of groups) {
    const roster = rosterOf.get(group.id) ?? [];
    const delivery = deliveries.get(group.id)!;
    const facilitatorCount = Math.max(1, group.facilitators.length);
    const hours = staffHours(
      delivery.delivery.sessionsHeld,
      group.sessionMinutes,
      facilitatorCount,
    );
    const studentIds = [...new Set(roster.map((r) => r.studentId))];
    const { measureName, goal } = group;
    if (measureName === null || goal === null) {
      figures.set(group.id, {
        effectiveness: null,
        students: [],
        roster,
        delivery,
        staffHours: hours,
        studentsWithScores: 0,
      });
      continue;
    }
    const series = studentIds.map((studentId) => {
      const key = `${group.id}|${studentId}`;
      const readings: TimelineReading[] = [
        ...(probesOf.get(key) ?? []).map((p) => ({
          interventionId: group.id,
          date: p.date,
          value: p.value,
          measureName,
          unit: group.measureUnit,
          source: "probe" as const,
        })),
        ...(notesOf.get(key) ?? []).flatMap((n) =>
          measureKey(n.measureName) === measureKey(measureName)
            ? [
                {
                  interventionId: group.id,
                  date: n.date,
                  value: n.value,
                  measureName,
                  unit: n.unit,
                  source: "note" as const,
                },
              ]
            : [],
        ),
      ];
      return { studentId, scores: mergeReadings(readings) };
    });
    const computed = computeGroupEffectiveness({
      students: series,
      goal,
      direction: group.direction,
      startDate: group.startDate,
      endDate: group.endDate,
      today,
      attendance: counts.get(group.id) ?? NO_MARKS,
      sessionsScheduledToDate: delivery.delivery.sessionsScheduledToDate,
      sessionsHeld: delivery.delivery.sessionsHeld,
      minutesPerSession: group.sessionMinutes,
      minutesPlanned: delivery.delivery.minutesPlanned,
      minutesDelivered: delivery.delivery.minutesDelivered,
      facilitatorCount,
      benchmarkCut: group.proficiencyTarget ?? goal,
      spent: budgets === null ? null : spentOf(budgets.get(group.id)!),
    });
    figures.set(group.id, {
      effectiveness: roundEffectivenessForDisplay(computed.effectiveness),
      students: computed.students.map(roundStudentProgressForDisplay),
      roster,
      delivery,
      staffHours: hours,
      studentsWithScores: series.filter((s) => s.scores.length > 0).length,
    });
  }
  return figures;
}
