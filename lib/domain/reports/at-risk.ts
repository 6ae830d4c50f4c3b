import { csvLine } from "../csv-export";
import { isUuid } from "../ids";
import {
  type CutScoreEntry,
  SCREENING_WINDOWS,
  type ScreeningWindow,
  type Tier,
} from "../screening";
import { tierFromTextSchema } from "../tiers/tier";
import { z } from "../zod";
import { recommend } from "./assessment-catalogue";

/**
 * Scenario 2's "At-Risk Students" report: for one assessment and window, the students who
 * scored below their Tier 1 cut, each with the tier the score recommends, the tier they are in
 * now and the interventions they already have.
 */

export const AT_RISK_SORTS = [
  "score",
  "name",
  "grade",
  "school",
  "recommendedTier",
  "currentTier",
] as const;
export type AtRiskSort = (typeof AT_RISK_SORTS)[number];

export const atRiskQuerySchema = z.object({
  assessmentId: z.uuid("Choose an assessment."),
  window: z.enum(SCREENING_WINDOWS, { message: "Choose fall, winter or spring." }).optional(),
  schoolYear: z
    .string()
    .regex(/^\d{4}-\d{2}$/, "A school year looks like 2026-27.")
    .optional(),
  schoolId: z.uuid().optional(),
  grade: z.coerce.number().int().min(0).max(12).optional(),
  teacherId: z.uuid().optional(),
  sort: z.enum(AT_RISK_SORTS).default("score"),
  direction: z.enum(["asc", "desc"]).default("asc"),
});

export type AtRiskQuery = z.output<typeof atRiskQuerySchema>;

export interface CurrentIntervention {
  id: string;
  name: string;
  tier: number;
}

export interface AtRiskCandidate {
  studentId: string;
  firstName: string;
  lastName: string;
  localId: string;
  grade: number;
  schoolId: string;
  schoolName: string;
  currentTier: number;
  score: number;
  percentile: number | null;
  administeredOn: string;
  interventions: CurrentIntervention[];
  teachers: string[];
}

export interface AtRiskRow extends AtRiskCandidate {
  recommendedTier: Tier;
  /** The cut the student fell below (it depends on grade and window). */
  tier1Cut: number;
}

/** The candidates below their own Tier 1 cut, with the tier their score recommends. */
export function atRiskRows(
  candidates: readonly AtRiskCandidate[],
  catalogue: readonly CutScoreEntry[],
  window: ScreeningWindow,
): AtRiskRow[] {
  return candidates.flatMap((candidate) => {
    const { tier, atRisk, cuts } = recommend(catalogue, window, candidate.grade, candidate.score);
    return atRisk ? [{ ...candidate, recommendedTier: tier, tier1Cut: cuts.tier1Min }] : [];
  });
}

const byName = (a: AtRiskRow, b: AtRiskRow) =>
  a.lastName.localeCompare(b.lastName) ||
  a.firstName.localeCompare(b.firstName) ||
  a.studentId.localeCompare(b.studentId);

const COMPARE: Record<AtRiskSort, (a: AtRiskRow, b: AtRiskRow) => number> = {
  score: (a, b) => a.score - b.score,
  name: () => 0,
  grade: (a, b) => a.grade - b.grade,
  school: (a, b) => a.schoolName.localeCompare(b.schoolName),
  // "Most in need first" reads naturally as ascending on this column.
  recommendedTier: (a, b) => b.recommendedTier - a.recommendedTier,
  currentTier: (a, b) => a.currentTier - b.currentTier,
};

/** Sorted by the column, then by name, so equal scores keep a stable, readable order. */
export function sortAtRisk(
  rows: readonly AtRiskRow[],
  sort: AtRiskSort,
  direction: "asc" | "desc",
): AtRiskRow[] {
  const sign = direction === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => sign * COMPARE[sort](a, b) || byName(a, b));
}

/** What "Create intervention" starts from: the most intensive tier any picked student needs. */
export function suggestedTier(rows: readonly Pick<AtRiskRow, "recommendedTier">[]): Tier {
  return Math.max(2, ...rows.map((r) => r.recommendedTier)) as Tier;
}

export const AT_RISK_CSV_HEADER = [
  "Student number",
  "Last name",
  "First name",
  "Grade",
  "School",
  "Score",
  "Percentile",
  "Date",
  "Tier 1 cut",
  "Recommended tier",
  "Current tier",
  "Current interventions",
  "Teachers",
] as const;

export function atRiskCsv(rows: readonly AtRiskRow[]): string {
  return (
    csvLine(AT_RISK_CSV_HEADER) +
    rows
      .map((r) =>
        csvLine([
          r.localId,
          r.lastName,
          r.firstName,
          r.grade === 0 ? "K" : r.grade,
          r.schoolName,
          r.score,
          r.percentile,
          r.administeredOn,
          r.tier1Cut,
          r.recommendedTier,
          r.currentTier,
          r.interventions.map((i) => `${i.name} (Tier ${i.tier})`).join("; "),
          r.teachers.join("; "),
        ]),
      )
      .join("")
  );
}

/** The HTTP API's query: the report's, plus `format=csv` for a spreadsheet of the same rows. */
export const atRiskApiQuerySchema = atRiskQuerySchema.extend({
  format: z.enum(["json", "csv"]).default("json"),
});

/** A file name that says what the export holds, without naming any student. */
export function atRiskFileName(report: {
  assessment: { name: string };
  window: string;
  schoolYear: string;
}): string {
  const slug = report.assessment.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `at-risk-${slug}-${report.window}-${report.schoolYear}.csv`;
}

/**
 * `/interventions/new?studentIds=a,b&tier=3&focusArea=Reading`: what "Create intervention" on
 * the report hands the form. Anything malformed is dropped, not refused: it only prefills.
 */
export const interventionPrefillSchema = z.object({
  studentIds: z
    .string()
    .optional()
    .transform((ids) =>
      [
        ...new Set(
          (ids ?? "")
            .split(",")
            .map((id) => id.trim())
            .filter(isUuid),
        ),
      ].slice(0, 30),
    ),
  tier: tierFromTextSchema.optional().catch(undefined),
  focusArea: z.string().trim().max(100).optional().catch(undefined),
});
