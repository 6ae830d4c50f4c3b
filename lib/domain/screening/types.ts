export type Tier = 1 | 2 | 3;

/** Lowest score of each tier on a benchmark where higher is better; below tier2Min is Tier 3. */
export interface CutScores {
  readonly tier1Min: number;
  readonly tier2Min: number;
}

export const SCREENING_WINDOWS = ["fall", "winter", "spring"] as const;

export type ScreeningWindow = (typeof SCREENING_WINDOWS)[number];
