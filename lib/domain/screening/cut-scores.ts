import type { CutScores, Tier } from "./types";

/** For a 0–100 benchmark: 50 and up Tier 1, 30–49 Tier 2, under 30 Tier 3. */
export const DEFAULT_CUT_SCORES: CutScores = { tier1Min: 50, tier2Min: 30 };

function assertOrdered(cuts: CutScores): void {
  if (cuts.tier2Min > cuts.tier1Min) {
    throw new RangeError(
      `The Tier 2 cut (${cuts.tier2Min}) must not exceed the Tier 1 cut (${cuts.tier1Min}).`,
    );
  }
}

export function recommendTier(score: number, cuts: CutScores = DEFAULT_CUT_SCORES): Tier {
  assertOrdered(cuts);
  if (score >= cuts.tier1Min) return 1;
  if (score >= cuts.tier2Min) return 2;
  return 3;
}

export function isAtRisk(score: number, cuts: CutScores = DEFAULT_CUT_SCORES): boolean {
  return recommendTier(score, cuts) !== 1;
}
