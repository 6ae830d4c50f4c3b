import { z } from "zod";
import { EXIT_REVIEW_STATUSES } from "@/lib/domain/decisions/kinds";
import { EXIT_REASONS } from "@/lib/domain/exit";
import type { EndedEnrollmentDto } from "@/lib/use-cases/exits/end-enrollment";
import type { ExitReviewDto } from "@/lib/use-cases/exits/exit-review-dto";
import { describes, named } from "../registry";
import { instant, localDate, uuid } from "./common";

const criterionSchema = z.object({
  key: z
    .enum(["consecutive-proficient-probes", "benchmark-at-grade-level", "facilitator-recommends"])
    .describe("Which criterion."),
  met: z.boolean(),
  detail: z.string().describe("The criterion and its data in words."),
});

export const exitReportSchema = named(
  "ExitReport",
  "The exit recommendation report: each criterion with the data behind it.",
  z.object({
    evaluatedOn: localDate,
    measureName: z.string().nullable(),
    direction: z.enum(["higher", "lower"]),
    proficiencyTarget: z.number().nullable(),
    probesNeeded: z.number().int().describe("Consecutive proficient probes the group asks for."),
    probes: z
      .array(z.object({ date: localDate, value: z.number() }))
      .describe("The last `probesNeeded` probes, oldest first."),
    probeCount: z.number().int(),
    benchmark: z
      .object({
        assessmentName: z.string(),
        administeredOn: localDate,
        window: z.string(),
        score: z.number(),
        cut: z.number(),
        cutSource: z
          .enum(["group", "district"])
          .describe(
            "`group`: the intervention's own exit cut; `district`: the screening Tier 1 cut.",
          ),
      })
      .nullable(),
    criteria: z.array(criterionSchema),
    dataMet: z.boolean().describe("Both data criteria hold."),
  }),
);

export const exitReviewSchema = named(
  "ExitReview",
  "A student's exit review: flagged by the data (`eligible`), recommended by the facilitator, then approved or declined by a specialist.",
  describes<ExitReviewDto>()(
    z.object({
      id: uuid,
      enrollmentId: uuid,
      interventionId: uuid,
      interventionName: z.string(),
      studentId: uuid,
      studentName: z.string(),
      studentGrade: z.number().int(),
      status: z.enum(EXIT_REVIEW_STATUSES),
      eligibleOn: localDate,
      evaluatedAt: instant,
      report: exitReportSchema,
      recommendedBy: uuid.nullable(),
      recommendedByName: z.string().nullable(),
      recommendedAt: instant.nullable(),
      recommendationNote: z.string().nullable(),
      decidedBy: uuid.nullable(),
      decidedByName: z.string().nullable(),
      decidedAt: instant.nullable(),
      decisionReason: z.string().nullable(),
    }),
  ),
);

export const exitReviewListSchema = z.object({ items: z.array(exitReviewSchema) });

export const recommendedSchema = z.object({
  id: uuid,
  status: z.enum(EXIT_REVIEW_STATUSES),
});

export const endedEnrollmentSchema = named(
  "EndedEnrollment",
  "An enrollment ended for a reason other than met exit criteria.",
  describes<EndedEnrollmentDto>()(
    z.object({
      enrollmentId: uuid,
      interventionId: uuid,
      studentId: uuid,
      exitDate: localDate,
      exitReason: z.enum(EXIT_REASONS),
      exitReasonLabel: z.string(),
    }),
  ),
);
