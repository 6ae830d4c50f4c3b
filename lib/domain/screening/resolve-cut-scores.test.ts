import { describe, expect, it } from "vitest";
import { DEFAULT_CUT_SCORES } from "./cut-scores";
import { type CutScoreEntry, resolveCutScores } from "./resolve-cut-scores";

const assessmentDefault = { tier1Min: 55, tier2Min: 35 };
const winter = { tier1Min: 60, tier2Min: 40 };
const winterGrade3 = { tier1Min: 70, tier2Min: 45 };
const fallGrade3 = { tier1Min: 52, tier2Min: 33 };

const catalogue: CutScoreEntry[] = [
  { cuts: assessmentDefault },
  { window: "winter", grade: "3", cuts: winterGrade3 },
  { window: "winter", cuts: winter },
  { window: "fall", grade: "3", cuts: fallGrade3 },
];

describe("resolveCutScores", () => {
  it("prefers the entry for the grade and window", () => {
    expect(resolveCutScores(catalogue, { window: "winter", grade: "3" })).toBe(winterGrade3);
  });

  it("falls back to the window's entry for another grade", () => {
    expect(resolveCutScores(catalogue, { window: "winter", grade: "4" })).toBe(winter);
  });

  it("falls back to the assessment's default when nothing matches the window", () => {
    expect(resolveCutScores(catalogue, { window: "spring", grade: "3" })).toBe(assessmentDefault);
    expect(resolveCutScores(catalogue, { window: "fall", grade: "K" })).toBe(assessmentDefault);
  });

  it("falls back to the built-in default without any entry that applies", () => {
    expect(resolveCutScores([], { window: "fall", grade: "1" })).toBe(DEFAULT_CUT_SCORES);
    expect(
      resolveCutScores([{ window: "spring", cuts: winter }], { window: "fall", grade: "1" }),
    ).toBe(DEFAULT_CUT_SCORES);
  });

  it("does not depend on the order of the catalogue", () => {
    const reversed = [...catalogue].reverse();
    expect(resolveCutScores(reversed, { window: "winter", grade: "3" })).toBe(winterGrade3);
    expect(resolveCutScores(reversed, { window: "winter", grade: "5" })).toBe(winter);
  });

  it("treats a null grade like a missing one", () => {
    expect(
      resolveCutScores([{ window: "fall", grade: null, cuts: winter }], {
        window: "fall",
        grade: "2",
      }),
    ).toBe(winter);
  });
});
