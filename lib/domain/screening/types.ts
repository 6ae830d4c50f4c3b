// The tiers are the tier module's (tiers/tier.ts); screening re-exports the type it maps scores to.
export type { Tier } from "../tiers/tier";

/** Lowest score of each tier on a benchmark where higher is better; below tier2Min is Tier 3. */
export interface CutScores {
  readonly tier1Min: number;
  readonly tier2Min: number;
}

export const SCREENING_WINDOWS = ["fall", "winter", "spring"] as const;

export type ScreeningWindow = (typeof SCREENING_WINDOWS)[number];
