export { DEFAULT_CUT_SCORES, isAtRisk, recommendTier } from "./cut-scores";
export { type CutScoreEntry, resolveCutScores, type ScreeningContext } from "./resolve-cut-scores";
export { type CutScores, SCREENING_WINDOWS, type ScreeningWindow, type Tier } from "./types";
