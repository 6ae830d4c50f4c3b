import type { Fidelity } from "../attendance";
import {
  directionNote,
  formatNumber,
  type MeasureDirection,
  MINIMUM_SCORES_FOR_DECISION,
  standingAgainst,
} from "../progress";
import type { StudentProgress } from "./student-progress";
import type { NonResponder } from "./types";

/** Six weeks of instruction before low growth is read as the student's, not the start-up's. */
export const NON_RESPONDER_MIN_WEEKS = 6;

export interface NonResponderContext {
  readonly weeksElapsed: number;
  readonly fidelity: Fidelity;
  readonly benchmarkCut: number;
  readonly direction: MeasureDirection;
}

/**
 * Dual discrepancy: a student both below the benchmark (low level) and growing more slowly than
 * the aim line (low growth). Either alone is expected for a while in an intervention; both
 * together, with enough weeks, scores and a faithfully delivered intervention, call for a review
 * of the tier.
 */
export function findNonResponders(
  students: readonly StudentProgress[],
  { weeksElapsed, fidelity, benchmarkCut, direction }: NonResponderContext,
): NonResponder[] {
  if (weeksElapsed < NON_RESPONDER_MIN_WEEKS || !fidelity.trusted) return [];
  const nonResponders: NonResponder[] = [];
  for (const student of students) {
    const { latest, trendSlopePerWeek: trend, aimSlopePerWeek: aim } = student;
    if (student.scoreCount < MINIMUM_SCORES_FOR_DECISION) continue;
    if (latest === null || trend === null || aim === null) continue;
    const lowLevel = standingAgainst(latest, benchmarkCut, direction) === "behind";
    const lowGrowth = standingAgainst(trend, aim, direction) === "behind";
    if (lowLevel && lowGrowth) {
      nonResponders.push({
        studentId: student.studentId,
        reason: `Latest score ${formatNumber(latest)} is short of the benchmark of ${formatNumber(benchmarkCut)}, and the trend of ${formatNumber(trend)} per week is slower than the aim of ${formatNumber(aim)} per week${directionNote(direction)}: review for tier escalation.`,
      });
    }
  }
  return nonResponders;
}
