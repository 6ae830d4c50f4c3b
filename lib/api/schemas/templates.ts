import { z } from "zod";
import type { TemplateStatsDto } from "@/lib/domain/templates/record";
import { TEMPLATE_SCOPES, type TemplateDto } from "@/lib/domain/templates/schemas";
import { tierSchema } from "@/lib/domain/tiers/tier";
import { named } from "../registry";
import { instant, uuid } from "./common";

export const templateSchema = named(
  "Template",
  "An intervention template (Scenario 10): the plan a new group starts from. `scope` district: shared with the district's specialists; personal: its owner's only. `version` is what `If-Match` refers to.",
  z.object({
    id: uuid,
    name: z.string(),
    tier: tierSchema,
    focusArea: z.string(),
    description: z.string().nullable(),
    durationWeeks: z.number().int().describe("Recommended duration in weeks."),
    daysPerWeek: z.number().int().describe("Recommended sessions per week."),
    sessionMinutes: z.number().int(),
    groupSize: z.object({ min: z.number().int().nullable(), max: z.number().int().nullable() }),
    activities: z.string().nullable().describe("Activities and strategies."),
    resources: z.array(z.string()).describe("Required resources."),
    measure: z
      .object({
        name: z.string(),
        unit: z.string().nullable(),
        direction: z.enum(["higher", "lower"]),
      })
      .nullable()
      .describe("The progress-monitoring measure a group started from it uses."),
    goalValue: z.number().nullable(),
    goal: z.string().nullable().describe("The goal rule in words."),
    entranceCriteria: z.string().nullable(),
    exitCriteria: z.string().nullable(),
    scope: z.enum(TEMPLATE_SCOPES),
    ownerUserId: uuid.nullable(),
    version: z.number().int().min(1),
    createdAt: instant,
    updatedAt: instant,
  }) satisfies z.ZodType<TemplateDto>,
);

export const templateListSchema = named(
  "TemplateList",
  "With `owner=usable`: the district's templates, then the caller's personal ones, by name. With `owner=specialists` (admins): the specialists' personal templates by owner, each with `ownerName`.",
  z.object({
    items: z.array(
      templateSchema.extend({
        ownerName: z.string().optional().describe("The owner's name; only with owner=specialists."),
      }),
    ),
  }),
);

const effectSizeSchema = z
  .object({
    g: z.number().describe("Hedges' g: current scores against pre scores, in pooled SDs."),
    standardError: z.number(),
    low: z.number().describe("Lower end of the 95 % confidence interval."),
    high: z.number().describe("Upper end of the 95 % confidence interval."),
    n: z.number().int().describe("Students with both a pre and a current score."),
    df: z.number().int(),
    correction: z.number().describe("The small-sample correction J = 1 − 3/(4·df − 1)."),
  })
  .nullable()
  .describe("Null below 5 students with both scores, or when every score is the same.");

export const templateStatsSchema = named(
  "TemplateStats",
  "A template's record (issue 12 item 4): the groups started from it that have begun, pooled. Definitions in docs/domain.md, \"Templates' record\". Rates 0–1; hours are staff hours, since no money cost is recorded.",
  z.object({
    templateId: uuid,
    measure: z.object({ name: z.string(), unit: z.string().nullable() }).nullable(),
    record: z.object({
      groupsRun: z.number().int(),
      studentsServed: z
        .number()
        .int()
        .describe("Enrollments: a student in two groups counts twice."),
      responding: z
        .object({
          count: z.number().int(),
          total: z.number().int(),
          rate: z.number().nullable(),
        })
        .describe("Students progressing, as the effectiveness dashboard defines it."),
      medianWeeklyGrowth: z.number().nullable().describe("Median rate of improvement per week."),
      studentsWithGrowth: z.number().int(),
      typicalWeeklyGrowth: z
        .number()
        .nullable()
        .describe("The measure's typical weekly growth; null: not compared."),
      growthAgainstTypical: z.number().nullable().describe("Median ÷ typical."),
      effectSize: effectSizeSchema,
      studentsWithScores: z.number().int(),
      meanGain: z.number().nullable(),
      exitsRecorded: z.literal(true).describe("Exits are recorded (approved exit reviews)."),
      studentsExited: z.number().int().describe("Students served whose exit was approved."),
      exitRate: z.number().nullable().describe("Students exited ÷ students served."),
      staffHours: z.number(),
      staffHoursPerStudent: z.number().nullable(),
      staffHoursPerPoint: z.number().nullable(),
      cost: z
        .number()
        .nullable()
        .describe(
          "Cost to date in dollars of the groups run, each by its budget's rules over its sessions held.",
        ),
      costPerStudent: z.number().nullable().describe("Cost ÷ students served, in dollars."),
      costPerPoint: z
        .number()
        .nullable()
        .describe("Cost per student ÷ mean gain, in dollars; null unless the gain is positive."),
    }),
    minStudentsToRank: z.number().int().describe("District setting `templateRankMinStudents`."),
    rank: z
      .number()
      .int()
      .nullable()
      .describe('Place in the "most effective" order; null: not ranked.'),
    notRankedBecause: z.enum(["too-few-students", "no-effect-size"]).nullable(),
  }) satisfies z.ZodType<TemplateStatsDto>,
);
