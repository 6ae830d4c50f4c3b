import { describe, expect, it } from "vitest";
import { SCREENING_WINDOWS } from "../screening";
import { catalogueOf, recommend } from "./assessment-catalogue";
import {
  AT_RISK_PAGE_SIZE,
  atRiskCuts,
  atRiskPageCount,
  cutsForGrade,
  interventionPrefillSchema,
  suggestedTier,
} from "./at-risk";
import { schoolYearOf } from "./school-year";

describe("at-risk cuts and pages", () => {
  const catalogue = catalogueOf([
    { tier1Min: 55, tier2Min: 35 },
    { window: "fall", tier1Min: 50, tier2Min: 30 },
    { window: "fall", grade: "K", tier1Min: 40, tier2Min: 20 },
    { window: "fall", grade: "3", tier1Min: 60, tier2Min: 40 },
    // Equally specific: the first wins, as the resolver says.
    { window: "fall", grade: "3", tier1Min: 70, tier2Min: 45 },
    { window: "winter", grade: "3", tier1Min: 65, tier2Min: 45 },
  ]);

  it("give every grade of every window the cuts the resolver gives it", () => {
    for (const window of SCREENING_WINDOWS) {
      const cuts = atRiskCuts(catalogue, window);
      for (let grade = 0; grade <= 12; grade++) {
        expect(cutsForGrade(cuts, grade), `${window}, grade ${grade}`).toEqual(
          recommend(catalogue, window, grade, 0).cuts,
        );
      }
    }
    expect(atRiskCuts(catalogue, "fall")).toEqual({
      byGrade: [
        { grade: 0, cuts: { tier1Min: 40, tier2Min: 20 } },
        { grade: 3, cuts: { tier1Min: 60, tier2Min: 40 } },
      ],
      other: { tier1Min: 50, tier2Min: 30 },
    });
    expect(atRiskCuts([], "spring")).toEqual({
      byGrade: [],
      other: { tier1Min: 50, tier2Min: 30 },
    });
  });

  it("count pages of 50, the empty list being one page", () => {
    expect(AT_RISK_PAGE_SIZE).toBe(50);
    expect([0, 1, 50, 51, 23_102].map(atRiskPageCount)).toEqual([1, 1, 1, 2, 463]);
  });

  it("suggest the most intensive tier picked, at least Tier 2", () => {
    expect(suggestedTier([{ recommendedTier: 2 }, { recommendedTier: 3 }])).toBe(3);
    expect(suggestedTier([{ recommendedTier: 2 }])).toBe(2);
    expect(suggestedTier([])).toBe(2);
  });

  it("reads the report's prefill leniently", () => {
    const id = "0b8f7c3e-1f5a-4d2e-9c7b-2a1e3f4d5c6b";
    expect(
      interventionPrefillSchema.parse({
        studentIds: `${id},nope,${id}`,
        tier: "3",
        focusArea: " Reading ",
      }),
    ).toEqual({
      studentIds: [id],
      tier: 3,
      focusArea: "Reading",
    });
    expect(interventionPrefillSchema.parse({ tier: "9" })).toEqual({
      studentIds: [],
      tier: undefined,
      focusArea: undefined,
    });
  });

  it("files results by school year turning over in August", () => {
    expect(["2026-09-15", "2027-01-12", "2027-07-31", "2027-08-01"].map(schoolYearOf)).toEqual([
      "2026-27",
      "2026-27",
      "2026-27",
      "2027-28",
    ]);
  });
});
