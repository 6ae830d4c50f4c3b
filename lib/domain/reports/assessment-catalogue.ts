import { localDateSchema } from "../interventions/schemas";
import {
  type CutScoreEntry,
  type CutScores,
  recommendTier,
  resolveCutScores,
  SCREENING_WINDOWS,
  type ScreeningWindow,
  type Tier,
} from "../screening";
import { z } from "../zod";

/**
 * A district's screening instruments (issue 3, part 2): name, subject, scale, and cut scores
 * per window and grade that map a score to a recommended tier. Defaults (docs/domain.md): on a
 * 0–100 benchmark, 50 and up Tier 1, 30–49 Tier 2, under 30 Tier 3.
 */

export const WINDOW_LABELS: Record<ScreeningWindow, string> = {
  fall: "Fall",
  winter: "Winter",
  spring: "Spring",
};

/** Grades as cut-score entries name them: "0" is kindergarten ("K" is read as "0" too). */
export function gradeKey(grade: number | string): string {
  const text = String(grade).trim().toUpperCase();
  return text === "K" || text === "KG" ? "0" : String(Number(text));
}

const number = (label: string) =>
  z.coerce
    .number({ message: `Enter ${label} as a number.` })
    .refine(Number.isFinite, `Enter ${label} as a number.`);

/** One stored entry of `assessments.cut_scores`: `{ window?, grade?, tier1Min, tier2Min }`. */
export const cutScoreEntrySchema = z
  .object({
    window: z.enum(SCREENING_WINDOWS).nullish(),
    grade: z.union([z.string(), z.number()]).nullish(),
    tier1Min: number("the Tier 1 cut"),
    tier2Min: number("the Tier 2 cut"),
  })
  .refine((e) => e.tier2Min <= e.tier1Min, {
    message: "The Tier 2 cut must not be above the Tier 1 cut.",
    path: ["tier2Min"],
  })
  .refine((e) => e.grade == null || e.grade === "" || e.window != null, {
    message: "A grade's cut scores belong to a window; choose one.",
    path: ["window"],
  });

export type StoredCutScore = z.output<typeof cutScoreEntrySchema>;

/** The stored JSON as the resolver reads it; entries that do not parse are ignored. */
export function catalogueOf(raw: unknown): CutScoreEntry[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item): CutScoreEntry[] => {
    const parsed = cutScoreEntrySchema.safeParse(item);
    if (!parsed.success) return [];
    const { window, grade, tier1Min, tier2Min } = parsed.data;
    const cuts: CutScores = { tier1Min, tier2Min };
    if (!window) return [{ cuts }];
    return [{ window, grade: grade == null || grade === "" ? null : gradeKey(grade), cuts }];
  });
}

export interface Recommendation {
  tier: Tier;
  atRisk: boolean;
  cuts: CutScores;
}

/** The tier a score recommends for a student of `grade` in `window`. */
export function recommend(
  catalogue: readonly CutScoreEntry[],
  window: ScreeningWindow,
  grade: number,
  score: number,
): Recommendation {
  const cuts = resolveCutScores(catalogue, { window, grade: gradeKey(grade) });
  const tier = recommendTier(score, cuts);
  return { tier, atRisk: tier !== 1, cuts };
}

export const assessmentInputSchema = z
  .object({
    name: z.string().trim().min(1, "Name the assessment.").max(200, "200 characters at most."),
    subject: z
      .string()
      .trim()
      .min(1, "Name the subject, e.g. Reading.")
      .max(100, "100 characters at most."),
    scaleMin: number("the lowest score").default(0),
    scaleMax: number("the highest score").default(100),
    cutScores: z.array(cutScoreEntrySchema).max(60, "At most 60 cut-score rows.").default([]),
  })
  .refine((a) => a.scaleMin < a.scaleMax, {
    message: "The highest score must be above the lowest.",
    path: ["scaleMax"],
  })
  .superRefine((a, ctx) => {
    a.cutScores.forEach((entry, i) => {
      for (const key of ["tier1Min", "tier2Min"] as const) {
        if (entry[key] < a.scaleMin || entry[key] > a.scaleMax) {
          ctx.addIssue({
            code: "custom",
            path: ["cutScores", i, key],
            message: `Cut scores lie within the scale (${a.scaleMin}–${a.scaleMax}).`,
          });
        }
      }
    });
    const keys = a.cutScores.map(
      (e) => `${e.window ?? ""}/${e.grade == null || e.grade === "" ? "" : gradeKey(e.grade)}`,
    );
    keys.forEach((key, i) => {
      if (keys.indexOf(key) !== i) {
        ctx.addIssue({
          code: "custom",
          path: ["cutScores", i, "grade"],
          message: "This window and grade already have cut scores.",
        });
      }
    });
  });

export type AssessmentInput = z.output<typeof assessmentInputSchema>;

/** What is stored: empty grades become absent, grades become keys ("K" → "0"). */
export function storedCutScores(input: AssessmentInput): StoredCutScore[] {
  return input.cutScores.map(({ window, grade, tier1Min, tier2Min }) => ({
    ...(window ? { window } : {}),
    ...(window && grade != null && grade !== "" ? { grade: gradeKey(grade) } : {}),
    tier1Min,
    tier2Min,
  }));
}

export const assessmentResultInputSchema = z.object({
  assessmentId: z.uuid("Choose an assessment."),
  studentId: z.uuid("Choose a student."),
  window: z.enum(SCREENING_WINDOWS, { message: "Choose fall, winter or spring." }),
  administeredOn: localDateSchema,
  score: number("the score"),
  percentile: z
    .preprocess(
      (p) => (p === "" || p == null ? null : p),
      z.coerce.number().int("A whole percentile.").min(1, "1–99.").max(99, "1–99.").nullable(),
    )
    .optional()
    .transform((p) => p ?? null),
});

export type AssessmentResultInput = z.output<typeof assessmentResultInputSchema>;
