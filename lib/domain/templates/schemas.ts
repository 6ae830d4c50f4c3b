import {
  durationWeeksSchema,
  focusAreaSchema,
  sessionMinutesSchema,
} from "../interventions/schemas";
import { tierFieldSchema } from "../tiers/tier";
import { z } from "../zod";

/**
 * Intervention templates (Scenario 10): one schema per input, shared by the HTTP API (and its
 * OpenAPI document, lib/api/routes/templates.ts) and the "save as template" action.
 */

const optionalText = (max: number) =>
  z.string().trim().max(max, `${max} characters at most.`).nullish();

const groupSize = z.coerce
  .number({ message: "Enter a number of students." })
  .int("Whole students only.")
  .min(1, "At least 1 student.")
  .max(30, "At most 30 students in one group.");

const resourceList = z
  .array(z.string().trim().min(1, "Name the resource.").max(200, "200 characters at most."))
  .max(20, "At most 20 resources.");

const templateMeasureSchema = z.object({
  name: z.string().trim().min(1, "Name the measure.").max(100, "100 characters at most."),
  unit: z.string().trim().max(40, "40 characters at most.").nullish(),
  direction: z.enum(["higher", "lower"]).default("higher"),
});

const templateFields = {
  name: z
    .string({ error: "Give the template a name." })
    .trim()
    .min(1, "Give the template a name.")
    .max(200, "200 characters at most."),
  tier: tierFieldSchema,
  focusArea: focusAreaSchema,
  description: optionalText(2000),
  /** Recommended duration of a group started from it. */
  durationWeeks: durationWeeksSchema,
  daysPerWeek: z.coerce
    .number({ message: "Enter the sessions per week." })
    .int("Whole days only.")
    .min(1, "At least 1 day a week.")
    .max(5, "At most 5 days a week."),
  sessionMinutes: sessionMinutesSchema,
  groupSize: z
    .object({ min: groupSize.nullish(), max: groupSize.nullish() })
    .refine((size) => size.min == null || size.max == null || size.min <= size.max, {
      message: "The smallest group cannot be larger than the largest.",
      path: ["max"],
    })
    .nullish(),
  activities: optionalText(4000),
  resources: resourceList.default([]),
  measure: templateMeasureSchema.nullish(),
  goalValue: z.number().finite().nullish(),
  /** The goal rule in words, e.g. "40 facts correct per minute, or the 50th percentile". */
  goal: optionalText(500),
  entranceCriteria: optionalText(2000),
  exitCriteria: optionalText(2000),
};

/** `POST /templates`: an admin's is a district template, a specialist's a personal one. */
export const createTemplateSchema = z.object(templateFields);
export type CreateTemplateInput = z.output<typeof createTemplateSchema>;

/**
 * `PUT /templates/{id}`: the fields present are replaced, the others kept; `version` (or
 * `If-Match`) guards against a lost update, as for interventions
 * (lib/domain/interventions/update-schema.ts). `shareWithDistrict` (admins only) turns a
 * personal template into a district one.
 */
export const updateTemplateSchema = z
  .object({
    version: z.coerce.number().int().min(1).optional(),
    name: templateFields.name.optional(),
    tier: templateFields.tier.optional(),
    focusArea: templateFields.focusArea.optional(),
    description: templateFields.description,
    durationWeeks: templateFields.durationWeeks.optional(),
    daysPerWeek: templateFields.daysPerWeek.optional(),
    sessionMinutes: templateFields.sessionMinutes.optional(),
    groupSize: templateFields.groupSize,
    activities: templateFields.activities,
    // Without the create schema's default: an absent list is "unchanged", not "empty".
    resources: resourceList.optional(),
    measure: templateFields.measure,
    goalValue: templateFields.goalValue,
    goal: templateFields.goal,
    entranceCriteria: templateFields.entranceCriteria,
    exitCriteria: templateFields.exitCriteria,
    shareWithDistrict: z.literal(true, "Send true to share it, or leave it out.").optional(),
  })
  .refine(
    (input) =>
      Object.entries(input).some(([key, value]) => key !== "version" && value !== undefined),
    { message: "Send at least one field to change.", path: ["(body)"] },
  );
export type UpdateTemplateInput = z.output<typeof updateTemplateSchema>;

/** "Save as template" from a group: the group gives everything but, optionally, the name. */
export const saveAsTemplateSchema = z.object({
  name: templateFields.name.optional(),
});
export type SaveAsTemplateInput = z.output<typeof saveAsTemplateSchema>;

export const TEMPLATE_SCOPES = ["district", "personal"] as const;
export type TemplateScope = (typeof TEMPLATE_SCOPES)[number];

/** The API's Template resource (lib/api/schemas/templates.ts documents it). */
export interface TemplateDto {
  id: string;
  name: string;
  tier: number;
  focusArea: string;
  description: string | null;
  durationWeeks: number;
  daysPerWeek: number;
  sessionMinutes: number;
  groupSize: { min: number | null; max: number | null };
  activities: string | null;
  resources: string[];
  measure: { name: string; unit: string | null; direction: "higher" | "lower" } | null;
  goalValue: number | null;
  goal: string | null;
  entranceCriteria: string | null;
  exitCriteria: string | null;
  /** District: shared with every specialist of the district; personal: its owner's only. */
  scope: TemplateScope;
  ownerUserId: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * `GET /templates?owner=`: `usable` (the default) lists what the caller may start a group
 * from; `specialists`, for admins, the specialists' personal templates, to share.
 */
export const templateListQuerySchema = z.object({
  owner: z
    .enum(["usable", "specialists"], "Send usable or specialists.")
    .optional()
    .default("usable"),
});
