import { csvLine } from "../csv-export";
import { isUuid } from "../ids";
import {
  type CutScoreEntry,
  type CutScores,
  resolveCutScores,
  SCREENING_WINDOWS,
  type ScreeningWindow,
  type Tier,
} from "../screening";
import { tierFromTextSchema } from "../tiers/tier";
import { z } from "../zod";
import { gradeKey } from "./assessment-catalogue";

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
  /** 1-based; a page past the last shows the last. */
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

/** Rows on one page of the report: the page is read from the database, never the whole list. */
export const AT_RISK_PAGE_SIZE = 50;

export type AtRiskQuery = z.output<typeof atRiskQuerySchema>;

export interface CurrentIntervention {
  id: string;
  name: string;
  tier: number;
}

/** One student of the report, as the query reads it (db/queries/at-risk.ts). */
export interface AtRiskRow {
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
  recommendedTier: Tier;
  /** The cut the student fell below (it depends on grade and window). */
  tier1Cut: number;
}

/**
 * The cut scores of one window as the report's query applies them: the grades the catalogue
 * names for the window, each with the cuts the resolver gives it, and the cuts of every other
 * grade (they all resolve alike, to the window's or the assessment's entry or the default).
 * The resolver (`resolveCutScores`) stays the one place that decides which entry wins; the
 * query only compares scores with these (db/queries/at-risk.ts → recommendedTierOf).
 */
export interface AtRiskCuts {
  byGrade: { grade: number; cuts: CutScores }[];
  other: CutScores;
}

export function atRiskCuts(
  catalogue: readonly CutScoreEntry[],
  window: ScreeningWindow,
): AtRiskCuts {
  const grades = new Set<number>();
  for (const entry of catalogue) {
    if (entry.window === window && entry.grade != null && /^\d+$/.test(entry.grade)) {
      grades.add(Number(entry.grade));
    }
  }
  return {
    byGrade: [...grades].map((grade) => ({
      grade,
      cuts: resolveCutScores(catalogue, { window, grade: gradeKey(grade) }),
    })),
    other: resolveCutScores(catalogue, { window, grade: "" }),
  };
}

/** The cuts a student of `grade` faces, read from `atRiskCuts` as the query reads them. */
export function cutsForGrade(cuts: AtRiskCuts, grade: number): CutScores {
  return cuts.byGrade.find((g) => g.grade === grade)?.cuts ?? cuts.other;
}

/** How many pages `total` rows fill (at least one, the empty one). */
export function atRiskPageCount(total: number): number {
  return Math.max(1, Math.ceil(total / AT_RISK_PAGE_SIZE));
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

/** The CSV's lines for some rows (the header is `csvLine(AT_RISK_CSV_HEADER)`). */
export function atRiskCsvLines(rows: readonly AtRiskRow[]): string {
  return rows
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
    .join("");
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
