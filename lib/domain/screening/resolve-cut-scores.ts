import { DEFAULT_CUT_SCORES } from "./cut-scores";
import type { CutScores, ScreeningWindow } from "./types";

/**
 * One district override for one assessment. A grade is only meaningful within a window
 * (benchmark norms are published per grade and season), so a grade without a window is not a
 * valid entry.
 */
export type CutScoreEntry = { readonly cuts: CutScores } & (
  | { readonly window: ScreeningWindow; readonly grade?: string | null }
  | { readonly window?: null; readonly grade?: null }
);

export interface ScreeningContext {
  readonly window: ScreeningWindow;
  readonly grade: string;
}

function specificity(entry: CutScoreEntry, { window, grade }: ScreeningContext): number | null {
  if (entry.window == null) return 0;
  if (entry.window !== window) return null;
  if (entry.grade == null) return 1;
  return entry.grade === grade ? 2 : null;
}

/**
 * The most specific entry that applies: grade and window, then window, then the assessment's own
 * default entry, then the built-in default. Among entries equally specific the first wins; the
 * settings screen is where duplicates should be refused.
 */
export function resolveCutScores(
  catalogue: readonly CutScoreEntry[],
  context: ScreeningContext,
): CutScores {
  let best: { cuts: CutScores; specificity: number } | null = null;
  for (const entry of catalogue) {
    const score = specificity(entry, context);
    if (score !== null && (best === null || score > best.specificity)) {
      best = { cuts: entry.cuts, specificity: score };
    }
  }
  return best?.cuts ?? DEFAULT_CUT_SCORES;
}
