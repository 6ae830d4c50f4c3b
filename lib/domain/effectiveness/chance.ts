/**
 * The caseload's reading of a student's chance of reaching the goal
 * (lib/domain/progress/projection.ts → probabilityOfReachingGoal) as one of four words, so the
 * page never says it by colour alone (app/(app)/caseload/page.tsx). The cut-offs are the
 * caseload's own: two in three or better is on track, below one in three is unlikely.
 */
const CHANCE_BANDS = ["on-track", "at-risk", "unlikely", "not-enough-data"] as const;
export type ChanceBand = (typeof CHANCE_BANDS)[number];

export const ON_TRACK_CHANCE = 2 / 3;
export const UNLIKELY_CHANCE = 1 / 3;

export const CHANCE_LABELS: Record<ChanceBand, string> = {
  "on-track": "On track",
  "at-risk": "At risk",
  unlikely: "Unlikely",
  "not-enough-data": "Not enough data",
};

/** Null (fewer than 4 scores, or no measure and goal) is "not enough data", never a 0 %. */
export function chanceBand(probability: number | null): ChanceBand {
  if (probability === null || Number.isNaN(probability)) return "not-enough-data";
  if (probability >= ON_TRACK_CHANCE) return "on-track";
  if (probability >= UNLIKELY_CHANCE) return "at-risk";
  return "unlikely";
}
