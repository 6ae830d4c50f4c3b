import type { Fidelity } from "../attendance";
import { ratio } from "../attendance/ratio";
import { perPointOfGain, staffHours } from "../effectiveness/investment";
import { analyseStudent } from "../effectiveness/student-progress";
import type { StudentSeries } from "../effectiveness/types";
import type { CalendarDate } from "../progress/calendar-date";
import { roundRate, roundTo } from "../progress/format";
import type { MeasureDirection } from "../progress/measure-direction";
import { mean, median } from "../progress/statistics";
import { type EffectSize, hedgesG } from "./effect-size";

/**
 * A template's record (issue 12 item 4; docs/domain.md "Templates' record"): how the groups
 * started from it did, pooled over their students. Each student's figures are the
 * effectiveness rules' own (lib/domain/effectiveness/student-progress.ts → analyseStudent), so
 * "responding" here is "progressing" on a group's dashboard.
 */

export interface TemplateGroupOutcome {
  readonly status: "planned" | "active" | "completed" | "cancelled";
  readonly startDate: CalendarDate;
  readonly endDate: CalendarDate;
  readonly direction: MeasureDirection;
  readonly goal: number | null;
  /** Whether the group still measures what the template does: only then are scores pooled. */
  readonly sameMeasure: boolean;
  readonly fidelity: Fidelity;
  readonly sessionsHeld: number;
  readonly sessionMinutes: number;
  readonly facilitatorCount: number;
  /** Everyone ever enrolled in the group, with their scores in its measure. */
  readonly students: readonly StudentSeries[];
  /** Students of the group whose exit review was approved (exit_reviews, status 'approved'). */
  readonly exitedStudentIds: readonly string[];
  /**
   * The group's cost to date in money, in whole cents: its budget's rules over the sessions held
   * (lib/use-cases/resources/intervention-budget.ts); null when not priced.
   */
  readonly spentCents: number | null;
}

export interface TemplateRecordInput {
  readonly groups: readonly TemplateGroupOutcome[];
  readonly today: CalendarDate;
  /** The template measure's typical weekly growth (./typical-growth.ts); null: not compared. */
  readonly typicalWeeklyGrowth: number | null;
}

export interface TemplateRecord {
  /** Groups from the template that started (start date on or before today), not cancelled. */
  readonly groupsRun: number;
  /** Enrollments in those groups: a student in two of its groups counts twice. */
  readonly studentsServed: number;
  readonly responding: {
    readonly count: number;
    readonly total: number;
    readonly rate: number | null;
  };
  /** Median trend slope per week of the students with a trend (3 scores or more). */
  readonly medianWeeklyGrowth: number | null;
  readonly studentsWithGrowth: number;
  readonly typicalWeeklyGrowth: number | null;
  /** Median ÷ typical: 1 is typical growth; null when either is unknown. */
  readonly growthAgainstTypical: number | null;
  readonly effectSize: EffectSize | null;
  /** Students with both a pre (baseline) and a current score, the effect size's n. */
  readonly studentsWithScores: number;
  /** Mean gain (current − pre, in the measure's good direction) of those students. */
  readonly meanGain: number | null;
  /** Exits are recorded (exit reviews); kept for clients that read it. */
  readonly exitsRecorded: true;
  /** Students served whose exit review was approved (a student in two groups counts in each). */
  readonly studentsExited: number;
  /** Students exited ÷ students served; null with none served. */
  readonly exitRate: number | null;
  /** Staff hours over the groups run, as the dashboard counts them (investment.ts → staffHours). */
  readonly staffHours: number;
  readonly staffHoursPerStudent: number | null;
  /** Staff hours per student ÷ mean gain; null unless the gain is positive. */
  readonly staffHoursPerPoint: number | null;
  /** Cost to date in dollars over the groups run, by their budgets; null when one is not priced. */
  readonly cost: number | null;
  readonly costPerStudent: number | null;
  /** Cost per student ÷ mean gain, in dollars; null unless the gain is positive. */
  readonly costPerPoint: number | null;
}

const CENTS_PER_DOLLAR = 100;

function wasRun(group: TemplateGroupOutcome, today: CalendarDate): boolean {
  return group.status !== "cancelled" && group.startDate <= today;
}

export function computeTemplateRecord({
  groups,
  today,
  typicalWeeklyGrowth,
}: TemplateRecordInput): TemplateRecord {
  const run = groups.filter((group) => wasRun(group, today));
  const analysed = run.flatMap((group) =>
    group.students.map((student) => ({
      group,
      student,
      analysis: analyseStudent(student, {
        // The goal shapes only the aim line and the verdict, neither of which the record uses;
        // a group without one still has baselines, trends and latest scores.
        goal: group.goal ?? 0,
        direction: group.direction,
        startDate: group.startDate,
        endDate: group.endDate,
        fidelity: group.fidelity,
      }),
    })),
  );
  const respondingCount = analysed.filter((a) => a.analysis.progressing).length;

  const comparable = analysed.filter((a) => a.group.sameMeasure);
  const slopes = comparable.flatMap((a) =>
    a.analysis.trendSlopePerWeek === null ? [] : [a.analysis.trendSlopePerWeek],
  );
  const medianWeeklyGrowth = median(slopes);

  // A pre and a current score are two readings: with one, the baseline is that reading.
  const pairs = comparable.flatMap(({ group, analysis }) => {
    if (analysis.scoreCount < 2 || analysis.baseline === null || analysis.latest === null)
      return [];
    // Oriented so that higher is better: a drop in errors is a gain.
    const sign = group.direction === "higher" ? 1 : -1;
    return [{ pre: sign * analysis.baseline, current: sign * analysis.latest }];
  });
  const meanGain = mean(pairs.map((p) => p.current - p.pre));

  const hours = run.reduce(
    (total, group) =>
      total +
      staffHours(group.sessionsHeld, group.sessionMinutes, Math.max(1, group.facilitatorCount)),
    0,
  );
  const perStudent = ratio(hours, analysed.length);
  const exited = run.reduce((total, group) => {
    const ids = new Set(group.exitedStudentIds);
    return total + group.students.filter((student) => ids.has(student.studentId)).length;
  }, 0);
  const spent = run.map((group) => group.spentCents);
  const cost = spent.some((cents) => cents === null)
    ? null
    : spent.reduce<number>((total, cents) => total + (cents ?? 0), 0) / CENTS_PER_DOLLAR;
  const costPerStudent = cost === null ? null : ratio(cost, analysed.length);

  return {
    groupsRun: run.length,
    studentsServed: analysed.length,
    responding: {
      count: respondingCount,
      total: analysed.length,
      rate: ratio(respondingCount, analysed.length),
    },
    medianWeeklyGrowth,
    studentsWithGrowth: slopes.length,
    typicalWeeklyGrowth,
    growthAgainstTypical:
      medianWeeklyGrowth === null || typicalWeeklyGrowth === null || typicalWeeklyGrowth === 0
        ? null
        : medianWeeklyGrowth / typicalWeeklyGrowth,
    effectSize: hedgesG(pairs),
    studentsWithScores: pairs.length,
    meanGain,
    exitsRecorded: true,
    studentsExited: exited,
    exitRate: ratio(exited, analysed.length),
    staffHours: hours,
    staffHoursPerStudent: perStudent,
    staffHoursPerPoint: perStudent === null ? null : perPointOfGain(perStudent, meanGain),
    cost,
    costPerStudent,
    costPerPoint: costPerStudent === null ? null : perPointOfGain(costPerStudent, meanGain),
  };
}

/** District setting `templateRankMinStudents` (districts.settings). */
export const DEFAULT_MIN_STUDENTS_TO_RANK = 10;
const MAX_MIN_STUDENTS_TO_RANK = 10_000;

export interface TemplateRecordSettings {
  /** Fewer students served than this and a template is not ranked: "too few students to compare". */
  readonly minStudentsToRank: number;
}

/** As letterSettingsOf (lib/domain/letters/enrollment-letter.ts): a missing or odd value is the default. */
export function templateRecordSettingsOf(settings: unknown): TemplateRecordSettings {
  const stored = (settings ?? {}) as { templateRankMinStudents?: unknown };
  const value = stored.templateRankMinStudents;
  const valid =
    typeof value === "number" &&
    Number.isInteger(value) &&
    value >= 1 &&
    value <= MAX_MIN_STUDENTS_TO_RANK;
  return { minStudentsToRank: valid ? value : DEFAULT_MIN_STUDENTS_TO_RANK };
}

export type RankStanding =
  | { readonly rank: number }
  | { readonly rank: null; readonly reason: "too-few-students" | "no-effect-size" };

/**
 * "Most effective" order: templates with at least `minStudents` served and an effect size, by
 * Hedges' g, highest first (ties keep the given order); then every other one, unranked, in the
 * given order. A small sample never outranks a large one on a lucky g.
 */
export function rankByEffectSize<
  T extends { readonly studentsServed: number; readonly effectSize: { readonly g: number } | null },
>(items: readonly T[], minStudents: number): { item: T; standing: RankStanding }[] {
  const eligible = items
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => item.studentsServed >= minStudents && item.effectSize !== null)
    .sort((a, b) => (b.item.effectSize?.g ?? 0) - (a.item.effectSize?.g ?? 0) || a.index - b.index);
  const ranked = eligible.map(({ item }, position) => ({ item, standing: { rank: position + 1 } }));
  const rest = items
    .filter((item) => !eligible.some((e) => e.item === item))
    .map((item) => ({
      item,
      standing: {
        rank: null,
        reason: item.studentsServed < minStudents ? "too-few-students" : "no-effect-size",
      } as const,
    }));
  return [...ranked, ...rest];
}

const RATE = 2;
const GROWTH_DECIMALS = 2;
const G_DECIMALS = 2;
const HOUR_DECIMALS = 1;
const MONEY_DECIMALS = 2;

const roundOrNull = (value: number | null, decimals: number) =>
  value === null ? null : roundTo(value, decimals);

/** Rounds once, at the edge, as roundEffectivenessForDisplay does. */
export function roundTemplateRecordForDisplay(record: TemplateRecord): TemplateRecord {
  const { effectSize } = record;
  return {
    ...record,
    responding: { ...record.responding, rate: roundRate(record.responding.rate) },
    medianWeeklyGrowth: roundOrNull(record.medianWeeklyGrowth, GROWTH_DECIMALS),
    growthAgainstTypical: roundOrNull(record.growthAgainstTypical, RATE),
    effectSize:
      effectSize === null
        ? null
        : {
            ...effectSize,
            g: roundTo(effectSize.g, G_DECIMALS),
            standardError: roundTo(effectSize.standardError, G_DECIMALS),
            low: roundTo(effectSize.low, G_DECIMALS),
            high: roundTo(effectSize.high, G_DECIMALS),
            correction: roundTo(effectSize.correction, 4),
          },
    meanGain: roundOrNull(record.meanGain, 1),
    staffHours: roundTo(record.staffHours, HOUR_DECIMALS),
    staffHoursPerStudent: roundOrNull(record.staffHoursPerStudent, HOUR_DECIMALS),
    staffHoursPerPoint: roundOrNull(record.staffHoursPerPoint, 2),
    exitRate: roundRate(record.exitRate),
    cost: roundOrNull(record.cost, MONEY_DECIMALS),
    costPerStudent: roundOrNull(record.costPerStudent, MONEY_DECIMALS),
    costPerPoint: roundOrNull(record.costPerPoint, MONEY_DECIMALS),
  };
}

/** `GET /api/v1/templates/{id}/stats` and the picker's line for one template. */
export interface TemplateStatsDto {
  readonly templateId: string;
  readonly measure: { readonly name: string; readonly unit: string | null } | null;
  /** Rounded for display (roundTemplateRecordForDisplay). */
  readonly record: TemplateRecord;
  /** The district's minimum for a place in the "most effective" order. */
  readonly minStudentsToRank: number;
  /** 1 is the district's most effective of the templates the caller may use; null: not ranked. */
  readonly rank: number | null;
  readonly notRankedBecause: "too-few-students" | "no-effect-size" | null;
}
