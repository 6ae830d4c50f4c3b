import type { Fidelity } from "../attendance";
import {
  aimLine,
  baseline as baselineOf,
  type CalendarDate,
  type Decision,
  decisionRule,
  latestScore,
  type MeasureDirection,
  projectedEndScore,
  standingAgainst,
  type TrendLine,
  trendLine,
} from "../progress";
import type { StudentSeries } from "./types";

export interface StudentProgress {
  readonly studentId: string;
  readonly scoreCount: number;
  readonly baseline: number | null;
  readonly latest: number | null;
  readonly trendSlopePerWeek: number | null;
  readonly aimSlopePerWeek: number | null;
  readonly projectedEndScore: number | null;
  /** From 4 scores (lib/domain/progress/projection.ts); null before, or while no trend exists. */
  readonly probabilityOfReachingGoal: number | null;
  readonly progressing: boolean;
  /** Null without a baseline, since no aim line can be drawn. */
  readonly decision: Decision | null;
}

export interface GroupContext {
  readonly goal: number;
  readonly direction: MeasureDirection;
  readonly startDate: CalendarDate;
  readonly endDate: CalendarDate;
  readonly fidelity: Fidelity;
}

/** A rising trend once one exists; before that, a latest score better than the baseline. */
function isProgressing(
  trend: TrendLine | null,
  latest: number | null,
  baseline: number | null,
  direction: MeasureDirection,
): boolean {
  if (trend !== null) return standingAgainst(trend.slopePerWeek, 0, direction) === "ahead";
  if (latest === null || baseline === null) return false;
  return standingAgainst(latest, baseline, direction) === "ahead";
}

export function analyseStudent(student: StudentSeries, context: GroupContext): StudentProgress {
  const { goal, direction, startDate, endDate, fidelity } = context;
  const baseline = student.baseline ?? baselineOf(student.scores, student.screeningScore);
  const latest = latestScore(student.scores)?.value ?? null;
  const trend = trendLine(student.scores, startDate);
  const aim = baseline === null ? null : aimLine({ baseline, goal, startDate, endDate });
  const projection = projectedEndScore({
    scores: student.scores,
    baseline,
    goal,
    startDate,
    endDate,
    direction,
  });
  return {
    studentId: student.studentId,
    scoreCount: student.scores.length,
    baseline,
    latest,
    trendSlopePerWeek: trend?.slopePerWeek ?? null,
    aimSlopePerWeek: aim?.slopePerWeek ?? null,
    projectedEndScore: projection.score,
    probabilityOfReachingGoal: projection.probabilityOfReachingGoal,
    progressing: isProgressing(trend, latest, baseline, direction),
    decision:
      aim === null
        ? null
        : decisionRule({ scores: student.scores, aimLine: aim, direction, fidelity }),
  };
}
