import { type AttendanceCounts, attendedCount, ratio } from "../attendance";
import { nearlyEqual, sum } from "../progress";
import type { Cost } from "./types";

const MINUTES_PER_HOUR = 60;

/** Every facilitator's time counts: two adults in one session cost twice the hours. */
export function staffHours(
  sessionsHeld: number,
  minutesPerSession: number,
  facilitatorCount: number,
): number {
  return (sessionsHeld * minutesPerSession * facilitatorCount) / MINUTES_PER_HOUR;
}

/** Instruction the students actually sat through. */
export function studentHours(attendance: AttendanceCounts, minutesPerSession: number): number {
  return (attendedCount(attendance) * minutesPerSession) / MINUTES_PER_HOUR;
}

/** Null while the average has not improved: a cost per point of loss or of no change is meaningless. */
export function perPointOfGain(amount: number, gain: number | null): number | null {
  if (gain === null || gain <= 0 || nearlyEqual(gain, 0)) return null;
  return amount / gain;
}

export interface CostInput {
  readonly staffHours: number;
  readonly hourlyCost: number;
  readonly resourceCosts: readonly number[];
  readonly studentCount: number;
  readonly gain: number | null;
}

/** The ingredients method (Levin & McEwan): every resource used, priced, then summed. */
export function costOf({
  staffHours: hours,
  hourlyCost,
  resourceCosts,
  studentCount,
  gain,
}: CostInput): Cost {
  const staff = hours * hourlyCost;
  const resources = sum(resourceCosts);
  const total = staff + resources;
  return {
    staff,
    resources,
    total,
    perStudent: ratio(total, studentCount),
    perPoint: perPointOfGain(total, gain),
  };
}
