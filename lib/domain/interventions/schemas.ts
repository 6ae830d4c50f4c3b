import { isValidLocalDate, WEEKDAYS } from "../calendar/dates";
import { tierFieldSchema, tierFromTextSchema } from "../tiers/tier";
import { z } from "../zod";

/**
 * One schema per input, shared by the form (react-hook-form), the server action and the
 * HTTP API, and the source of the OpenAPI document — so the three cannot disagree.
 */
export const localDateSchema = z
  .string({ error: "Enter a date as YYYY-MM-DD." })
  .refine(isValidLocalDate, { message: "Enter a date as YYYY-MM-DD." });

export const weekdaySchema = z.enum(WEEKDAYS);

export const WEEKDAY_LABELS: Record<z.infer<typeof weekdaySchema>, string> = {
  MO: "Mon",
  TU: "Tue",
  WE: "Wed",
  TH: "Thu",
  FR: "Fri",
  SA: "Sat",
  SU: "Sun",
};

/** A session's length; a template's recommended one (lib/domain/templates/schemas.ts) too. */
export const sessionMinutesSchema = z.coerce
  .number({ message: "Enter the session length in minutes." })
  .int("Whole minutes only.")
  .min(5, "Sessions last at least 5 minutes.")
  .max(240, "Sessions last at most 240 minutes.");

/** A group's focus area, and the one of a template a group starts from. */
export const focusAreaSchema = z
  .string({ error: "Name the focus area." })
  .trim()
  .min(1, "Name the focus area.")
  .max(100, "100 characters at most.");

/** A group's duration, and a template's recommended one. */
export const durationWeeksSchema = z.coerce
  .number({ message: "Enter the duration in weeks." })
  .int("Whole weeks only.")
  .min(1, "At least 1 week.")
  .max(40, "At most 40 weeks (a school year).");

export const scheduleSchema = z.object(
  {
    days: z
      .array(weekdaySchema, { error: "Pick at least one weekday." })
      .min(1, "Pick at least one weekday.")
      .refine((days) => new Set(days).size === days.length, "Each weekday only once."),
    startTime: z
      .string({ error: "Enter a start time as HH:MM, e.g. 10:00." })
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter a start time as HH:MM, e.g. 10:00."),
    minutes: sessionMinutesSchema,
  },
  { error: "Give the schedule: weekdays, start time and minutes." },
);

const uniqueIds = (ids: string[]) => new Set(ids).size === ids.length;

/** What a group needs for each session from the district's catalogue (Scenario 9). */
export const resourceNeedsSchema = z
  .array(
    z.object({
      resourceId: z.uuid("Pick a resource from the list."),
      quantity: z.coerce
        .number({ message: "Enter how many." })
        .int("Whole items only.")
        .min(1, "At least 1.")
        .max(100, "At most 100."),
    }),
  )
  .max(20, "At most 20 resources.")
  .refine(
    (needs) => uniqueIds(needs.map((need) => need.resourceId)),
    "Each resource only once; give its quantity instead.",
  );

/**
 * Saving over a schedule's conflicts, where the district allows it: the reason goes to the
 * audit trail. Double bookings are never overridden (docs/domain.md, "Scheduling").
 */
export const scheduleOverrideSchema = z.object({
  reason: z
    .string({ error: "Say why the conflicts are acceptable." })
    .trim()
    .min(1, "Say why the conflicts are acceptable.")
    .max(1000, "1000 characters at most."),
});

export const createInterventionSchema = z.object({
  name: z
    .string({ error: "Give the intervention a name." })
    .trim()
    .min(1, "Give the intervention a name.")
    .max(200, "200 characters at most."),
  tier: tierFieldSchema,
  focusArea: focusAreaSchema,
  description: z.string().trim().max(2000, "2000 characters at most.").optional(),
  goal: z.string().trim().max(500, "500 characters at most.").optional(),
  startDate: localDateSchema,
  durationWeeks: durationWeeksSchema,
  schedule: scheduleSchema,
  facilitatorIds: z
    .array(z.uuid("Pick a facilitator from the list."), { error: "Pick a facilitator." })
    .min(1, "Pick a facilitator.")
    .max(5, "At most 5 facilitators.")
    .refine(uniqueIds, "Each facilitator only once."),
  roomId: z.uuid("Pick a room from the list.").nullish(),
  studentIds: z
    .array(z.uuid("Pick students from the list."))
    .max(30, "At most 30 students in one group.")
    .refine(uniqueIds, "Each student only once.")
    .default([]),
  /** The template the plan started from (Scenario 10): the group remembers it. */
  templateId: z.uuid("Pick a template from the list.").nullish(),
  resources: resourceNeedsSchema.default([]),
  override: scheduleOverrideSchema.optional(),
});

/**
 * The HTTP API also takes a single facilitator as `facilitatorId` (the API reference: lib/api/routes/); the form
 * always sends the list. When both are sent, the list wins.
 */
const oneFacilitatorAsList = (body: unknown) =>
  typeof body === "object" &&
  body !== null &&
  !("facilitatorIds" in body) &&
  "facilitatorId" in body
    ? { ...body, facilitatorIds: [body.facilitatorId] }
    : body;

export const createInterventionRequestSchema = z.preprocess(
  oneFacilitatorAsList,
  createInterventionSchema.extend({
    facilitatorId: z.uuid("Pick a facilitator from the list.").optional(),
  }),
);

export type CreateInterventionInput = z.output<typeof createInterventionSchema>;

/**
 * `POST /schedule/check`: the create body, with the plan's words optional, and the group being
 * edited when there is one.
 */
export const scheduleCheckSchema = createInterventionSchema
  .partial({ name: true, tier: true, focusArea: true })
  .extend({ interventionId: z.uuid("Not a group of your district.").nullish() });

export type ScheduleCheckInput = z.output<typeof scheduleCheckSchema>;

/** The check over HTTP takes one `facilitatorId` like the create does. */
export const scheduleCheckRequestSchema = z.preprocess(
  oneFacilitatorAsList,
  scheduleCheckSchema.extend({
    facilitatorId: z.uuid("Pick a facilitator from the list.").optional(),
  }),
);
export type CreateInterventionFormValues = z.input<typeof createInterventionSchema>;

export const enrollStudentsSchema = z.object({
  studentIds: z
    .array(z.uuid("Pick students from the list."), { error: "Pick at least one student." })
    .min(1, "Pick at least one student.")
    .max(30, "At most 30 students at once.")
    .refine(uniqueIds, "Each student only once."),
  override: scheduleOverrideSchema.optional(),
});

export type EnrollStudentsInput = z.output<typeof enrollStudentsSchema>;

export const INTERVENTION_STATUSES = ["planned", "active", "completed", "cancelled"] as const;
export type InterventionStatus = (typeof INTERVENTION_STATUSES)[number];

export const listInterventionsQuerySchema = z.object({
  status: z.enum(INTERVENTION_STATUSES).optional(),
  tier: tierFromTextSchema.optional(),
  facilitatorId: z.uuid().optional(),
  mine: z.stringbool().optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const peopleQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  schoolId: z.uuid().optional(),
  grade: z.coerce.number().int().min(0).max(12).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
