import { z } from "zod";
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
  "The district's templates, then the caller's personal ones, by name.",
  z.object({ items: z.array(templateSchema) }),
);
