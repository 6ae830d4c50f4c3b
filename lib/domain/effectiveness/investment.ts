import { type AttendanceCounts, attendedCount, ratio } from "../attendance";
import { nearlyEqual } from "../progress";
import type { Budget } from "../scheduling/budget";
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

/** What a group has cost so far in money, in whole cents (lib/domain/scheduling/budget.ts). */
export interface Spent {
  /** The budget's staff lines: hours × the loaded hourly cost of each person's cost role. */
  readonly staffCents: number;
  /** Its licence, consumable and equipment lines. */
  readonly resourceCents: number;
}

/** A budget's lines split into staff and resources: what `costOf` turns into dollars. */
export function spentOf(budget: Pick<Budget, "lines">): Spent {
  let staffCents = 0;
  let resourceCents = 0;
  for (const line of budget.lines) {
    if (line.ingredient === "staff") staffCents += line.cents;
    else resourceCents += line.cents;
  }
  return { staffCents, resourceCents };
}

export interface CostInput {
  readonly spent: Spent;
  readonly studentCount: number;
  readonly gain: number | null;
}

const CENTS_PER_DOLLAR = 100;

/**
 * The ingredients method (Levin & McEwan): every resource used, priced (by the budget), then
 * summed; in dollars. Per student divides by every student served; per point of gain divides
 * the total by the group's gain, null unless it is positive.
 */
export function costOf({ spent, studentCount, gain }: CostInput): Cost {
  const staff = spent.staffCents / CENTS_PER_DOLLAR;
  const resources = spent.resourceCents / CENTS_PER_DOLLAR;
  const total = staff + resources;
  return {
    staff,
    resources,
    total,
    perStudent: ratio(total, studentCount),
    perPoint: perPointOfGain(total, gain),
  };
}
