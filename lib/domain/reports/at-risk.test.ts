import { describe, expect, it } from "vitest";
import { catalogueOf } from "./assessment-catalogue";
import {
  type AtRiskCandidate,
  atRiskRows,
  interventionPrefillSchema,
  sortAtRisk,
  suggestedTier,
} from "./at-risk";
import { schoolYearOf } from "./school-year";

const candidate = (id: string, score: number, grade = 4, lastName = id): AtRiskCandidate => ({
  studentId: id,
  firstName: "A",
  lastName,
  localId: id,
  grade,
  schoolId: "s",
  schoolName: "School",
  currentTier: 1,
  score,
  percentile: null,
  administeredOn: "2026-09-15",
  interventions: [],
  teachers: [],
});

describe("at-risk rows", () => {
  it("keeps those below their Tier 1 cut, with the recommended tier at the boundaries", () => {
    const rows = atRiskRows(
      [29, 30, 49, 50, 51].map((s) => candidate(`s${s}`, s)),
      [],
      "fall",
    );
    expect(rows.map((r) => [r.score, r.recommendedTier])).toEqual([
      [29, 3],
      [30, 2],
      [49, 2],
    ]);
  });

  it("uses a grade's own cuts from the stored catalogue", () => {
    const catalogue = catalogueOf([
      { tier1Min: 50, tier2Min: 30 },
      { window: "fall", grade: "K", tier1Min: 40, tier2Min: 20 },
    ]);
    const rows = atRiskRows([candidate("k", 45, 0), candidate("g1", 45, 1)], catalogue, "fall");
    expect(rows.map((r) => r.studentId)).toEqual(["g1"]);
  });

  it("sorts by a column then by name, and suggests the most intensive tier picked", () => {
    const rows = atRiskRows(
      [candidate("b", 40), candidate("a", 40), candidate("c", 10)],
      [],
      "fall",
    );
    expect(sortAtRisk(rows, "score", "asc").map((r) => r.studentId)).toEqual(["c", "a", "b"]);
    expect(sortAtRisk(rows, "score", "desc").map((r) => r.studentId)).toEqual(["a", "b", "c"]);
    expect(suggestedTier(rows)).toBe(3);
    expect(suggestedTier(rows.filter((r) => r.score === 40))).toBe(2);
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
