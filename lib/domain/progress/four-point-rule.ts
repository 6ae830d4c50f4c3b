import type { AimLine } from "./aim-line";
import { type MeasureDirection, type Standing, standingAgainst } from "./measure-direction";
import { type ScorePoint, sortByDate } from "./score";

export const FOUR_POINT_WINDOW = 4;

export type FourPointOutcome = Exclude<Standing, "on"> | "mixed";

/**
 * Looks at the last 4 scores by date. A score exactly on the aim line is neither ahead nor
 * behind, so it makes the window mixed: it shows the student keeping pace, which is no reason to
 * raise the goal or change course. Null with fewer than 4 scores.
 */
export function fourPointRule(
  scores: readonly ScorePoint[],
  aim: AimLine,
  direction: MeasureDirection = "higher",
): FourPointOutcome | null {
  if (scores.length < FOUR_POINT_WINDOW) return null;
  const standings = sortByDate(scores)
    .slice(-FOUR_POINT_WINDOW)
    .map((score) => standingAgainst(score.value, aim.valueAt(score.date), direction));
  if (standings.every((standing) => standing === "ahead")) return "ahead";
  if (standings.every((standing) => standing === "behind")) return "behind";
  return "mixed";
}
