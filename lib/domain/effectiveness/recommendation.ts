import type { Fidelity } from "../attendance";
import { type MeasureDirection, meetsOrBeats } from "../progress";

export const RECOMMENDATIONS = {
  improveFidelity: "Improve attendance and fidelity before changing the intervention",
  considerEarlyExit: "Consider early exit for students at goal",
  continuePlanned: "Continue for planned duration",
  modify: "Modify or intensify the intervention",
  keepMonitoring: "Continue and keep monitoring",
} as const;

export type Recommendation = (typeof RECOMMENDATIONS)[keyof typeof RECOMMENDATIONS];

/** Share of students progressing at which the group counts as responding. */
export const RESPONDING_RATE = 0.8;
/** Share below which, past the midpoint, the intervention is not working for the group. */
export const FAILING_RATE = 0.5;

export interface RecommendationInput {
  readonly fidelity: Fidelity;
  readonly progressingRate: number | null;
  readonly projectedEndAverage: number | null;
  readonly goal: number;
  readonly direction: MeasureDirection;
  /** At least one student's last 4 scores are all better than the aim line. */
  readonly anyFourPointRaise: boolean;
  readonly pastMidpoint: boolean;
}

/** Only a rate that is known and low shows poor delivery; before the first session there is none. */
function deliveryFallsShort(fidelity: Fidelity): boolean {
  return [fidelity.sessionRate, fidelity.minutesRate].some(
    (rate) => rate !== null && rate < fidelity.threshold,
  );
}

/**
 * The first rule that applies wins:
 * 1. Poor delivery: no verdict about the intervention is sound while it is not delivered as planned.
 * 2. Early exit: the group is on course and some students already beat their aim line; it is the
 *    most specific action, and it frees a seat. (It outranks "continue" because both can hold
 *    at once, and "continue" would keep students at goal in the group for weeks they do not need.)
 * 3. Continue for the planned duration: most students progressing, the group on course.
 * 4. Modify: past the midpoint fewer than half are progressing.
 * 5. Otherwise keep monitoring.
 */
export function recommend(input: RecommendationInput): Recommendation {
  const { progressingRate, projectedEndAverage, goal, direction } = input;
  const onCourse =
    projectedEndAverage !== null && meetsOrBeats(projectedEndAverage, goal, direction);
  if (deliveryFallsShort(input.fidelity)) return RECOMMENDATIONS.improveFidelity;
  if (onCourse && input.anyFourPointRaise) return RECOMMENDATIONS.considerEarlyExit;
  if (onCourse && progressingRate !== null && progressingRate >= RESPONDING_RATE) {
    return RECOMMENDATIONS.continuePlanned;
  }
  if (input.pastMidpoint && progressingRate !== null && progressingRate < FAILING_RATE) {
    return RECOMMENDATIONS.modify;
  }
  return RECOMMENDATIONS.keepMonitoring;
}
