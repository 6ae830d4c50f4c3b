import { percent } from "@/components/attendance/format";
import { formatNumber, MINIMUM_SCORES_FOR_PROBABILITY } from "@/lib/domain/progress";
import type { getEffectivenessDashboard } from "@/lib/use-cases/progress/get-effectiveness";

/** The words and numbers the effectiveness dashboard's cards share. */

export type EffectivenessDashboardData = Awaited<ReturnType<typeof getEffectivenessDashboard>>;
export type StudentRow = EffectivenessDashboardData["students"][number];

export const nameOf = (s: StudentRow) => `${s.firstName} ${s.lastName}`;

/** "+13", "−2.5", "0": a change with its sign, so a loss never reads as a gain. */
export function signed(value: number): string {
  return value > 0 ? `+${formatNumber(value, 1)}` : value < 0 ? `−${formatNumber(-value, 1)}` : "0";
}

/** "Not enough data yet: 3 of 6 students have a score since the start." */
export function notEnoughScores(withScores: number, total: number): string {
  return `Not enough data yet: ${withScores} of ${total} student${total === 1 ? " has" : "s have"} a score since the start.`;
}

export function chanceText(student: StudentRow): string {
  if (student.probabilityOfReachingGoal !== null) return percent(student.probabilityOfReachingGoal);
  return `Not enough data yet: ${student.scoreCount} of ${MINIMUM_SCORES_FOR_PROBABILITY} scores`;
}

/**
 * Dollars and cents: the districts are US K-12 districts. No cost is stored yet (docs/domain.md,
 * "Effectiveness of an intervention": `cost` is null until hourly costs exist).
 */
export function money(amount: number): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(amount);
}
