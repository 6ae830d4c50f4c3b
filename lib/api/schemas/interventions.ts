import { z } from "zod";
import { INTERVENTION_STATUSES, weekdaySchema } from "@/lib/domain/interventions/schemas";
import { tierSchema } from "@/lib/domain/tiers/tier";
import type { InterventionDto } from "@/lib/use-cases/interventions/intervention-dto";
import { named } from "../registry";
import { cursorPage, instant, localDate, uuid } from "./common";
import { budgetSchema } from "./resources";

export const interventionSchema = named(
  "Intervention",
  "A tiered intervention group; `version` is what `If-Match` refers to.",
  z.object({
    id: uuid,
    name: z.string(),
    tier: tierSchema,
    focusArea: z.string(),
    status: z.enum(INTERVENTION_STATUSES),
    description: z.string().nullable(),
    goal: z.string().nullable(),
    startDate: localDate,
    endDate: localDate,
    durationWeeks: z.number().int(),
    schedule: z.object({
      days: z.array(weekdaySchema),
      startTime: z.string(),
      minutes: z.number().int(),
    }),
    frequency: z.string(),
    facilitatorIds: z.array(uuid),
    roomId: uuid.nullable(),
    templateId: uuid.nullable().describe("The template the group was started from, if any."),
    enrolledCount: z.number().int(),
    sessionCount: z.number().int(),
    nextSessionAt: instant.nullable(),
    version: z.number().int().min(1),
    createdAt: instant,
    budget: budgetSchema
      .nullable()
      .optional()
      .describe(
        "Only in `GET /interventions/{id}`: the budget impact, for those who manage the group; null for everyone else.",
      ),
  }) satisfies z.ZodType<InterventionDto>,
);

export const interventionPageSchema = named(
  "InterventionPage",
  "Interventions the caller may see, newest first.",
  cursorPage(interventionSchema),
);

export const enrollmentResultSchema = named(
  "EnrollmentResult",
  "Who was enrolled, and how many are in the group now.",
  z.object({
    interventionId: uuid,
    enrolledStudentIds: z.array(uuid),
    enrolledCount: z.number().int(),
  }),
);
