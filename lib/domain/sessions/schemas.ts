import { ATTENDANCE_STATUSES, type AttendanceStatus } from "../attendance";
import { localDateSchema } from "../interventions/schemas";
import { z } from "../zod";

/**
 * The inputs of running sessions and writing progress notes. One schema per input, shared by
 * the forms (react-hook-form), the server actions and the HTTP API (the API reference: lib/api/routes/).
 */

const uniqueStudents = (items: { studentId: string }[]) =>
  new Set(items.map((item) => item.studentId)).size === items.length;

/** Form fields send "" for "nothing entered"; the API may send null. Both mean absent. */
const blankToUndefined = (value: unknown) =>
  value === "" || value === null || (typeof value === "string" && value.trim() === "")
    ? undefined
    : value;

const optionalText = (max: number) =>
  z.preprocess(
    blankToUndefined,
    z.string().trim().max(max, `${max} characters at most.`).optional(),
  );

export const ATTENDANCE_STATUS_LABELS: Record<AttendanceStatus, string> = {
  present: "Present",
  absent: "Absent",
  tardy: "Tardy",
  excused: "Excused",
};

export const attendanceStatusSchema = z.enum(ATTENDANCE_STATUSES, {
  message: "Mark present, absent, tardy or excused.",
});

/** A probe score on the intervention's measure; scores are never negative. */
const scoreValueSchema = z.coerce
  .number({ message: "Enter the score as a number." })
  .finite("Enter the score as a number.")
  .min(0, "Scores are 0 or more.")
  .max(100_000, "That score is too large.");

/** Why a saved record changes: it lands in the audit trail (Scenario 12). */
const reasonSchema = z.string().trim().min(3, "Say why (3 characters at least).").max(500);

export const recordAttendanceSchema = z.object({
  records: z
    .array(
      z.object({
        studentId: z.uuid("Pick students of this group."),
        status: attendanceStatusSchema,
      }),
    )
    .min(1, "Mark at least one student.")
    .max(40, "At most 40 students in one session.")
    .refine(uniqueStudents, "Each student only once."),
  /** Omitted: the session's notes stay as they are; "" clears them. */
  notes: z.string().trim().max(4000, "4000 characters at most.").optional(),
  /** Required when the session's attendance was saved before; checked by the use-case. */
  reason: optionalText(500),
  probeScores: z
    .array(z.object({ studentId: z.uuid("Pick students of this group."), value: scoreValueSchema }))
    .max(40)
    .refine(uniqueStudents, "One probe score per student.")
    .optional(),
});

export type RecordAttendanceInput = z.output<typeof recordAttendanceSchema>;

export const cancelSessionSchema = z.object({ reason: reasonSchema });
export type CancelSessionInput = z.output<typeof cancelSessionSchema>;

const startTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter a start time as HH:MM, e.g. 10:00.");

export const rescheduleSessionSchema = z.object({
  date: localDateSchema,
  startTime: startTimeSchema,
  reason: reasonSchema,
});
export type RescheduleSessionInput = z.output<typeof rescheduleSessionSchema>;

/** A session added to the plan: a make-up for a cancelled or missed one. */
export const addSessionSchema = z.object({
  date: localDateSchema,
  /** Defaults to the intervention's start time. */
  startTime: z.preprocess(blankToUndefined, startTimeSchema.optional()),
  /** Defaults to the intervention's session length. */
  minutes: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ message: "Enter the length in minutes." })
      .int("Whole minutes only.")
      .min(5, "Sessions last at least 5 minutes.")
      .max(240, "Sessions last at most 240 minutes.")
      .optional(),
  ),
  /** The session this one makes up for, when there is one. */
  makeupForSessionId: z.preprocess(blankToUndefined, z.uuid().optional()),
  reason: reasonSchema,
});
export type AddSessionInput = z.output<typeof addSessionSchema>;

export const listSessionsQuerySchema = z.object({
  from: localDateSchema.optional(),
  to: localDateSchema.optional(),
});

// --- Progress notes (Scenario 4) ---

export const PROGRESS_RATINGS = ["exceeding", "expected", "some", "none"] as const;
export type ProgressRating = (typeof PROGRESS_RATINGS)[number];

/** The wording of the API reference, shown wherever a rating is. */
export const PROGRESS_RATING_LABELS: Record<ProgressRating, string> = {
  exceeding: "Exceeding expected progress",
  expected: "Making expected progress",
  some: "Making some progress",
  none: "Not making progress",
};

export const NOTE_VISIBILITIES = ["team", "teachers", "family"] as const;
export type NoteVisibility = (typeof NOTE_VISIBILITIES)[number];

export const NOTE_VISIBILITY_LABELS: Record<NoteVisibility, string> = {
  team: "Intervention team only",
  teachers: "Team and the student's teachers",
  family: "Team, teachers and the family",
};

/**
 * A measure reading inside a note ("Fluency level" 3.2 "grade level"). The form sends three
 * text fields, blank when the note has no reading; a name without a value, or the reverse, is
 * an error on the field that is missing.
 */
export const noteMeasureSchema = z
  .object({
    name: z.string().trim().max(100, "100 characters at most.").default(""),
    value: z.preprocess(blankToUndefined, scoreValueSchema.optional()),
    unit: z.string().trim().max(40, "40 characters at most.").default(""),
  })
  .superRefine((measure, ctx) => {
    if (measure.name && measure.value === undefined) {
      ctx.addIssue({ code: "custom", path: ["value"], message: "Enter the value measured." });
    }
    if (!measure.name && measure.value !== undefined) {
      ctx.addIssue({ code: "custom", path: ["name"], message: "Name what was measured." });
    }
  })
  .transform((measure) =>
    measure.name && measure.value !== undefined
      ? { name: measure.name, value: measure.value, unit: measure.unit || null }
      : undefined,
  );

const noteFields = {
  date: localDateSchema,
  observation: z
    .string()
    .trim()
    .min(1, "Write what you observed.")
    .max(4000, "4000 characters at most."),
  measure: z.preprocess((value) => value ?? undefined, noteMeasureSchema.optional()),
  nextSteps: optionalText(2000),
  progressRating: z.preprocess(
    blankToUndefined,
    z.enum(PROGRESS_RATINGS, { message: "Pick a progress rating." }).optional(),
  ),
  visibility: z
    .enum(NOTE_VISIBILITIES, { message: "Choose who may read the note." })
    .default("team"),
};

export const progressNoteSchema = z.object({
  studentId: z.uuid("Pick a student of this group."),
  ...noteFields,
});
export type ProgressNoteInput = z.output<typeof progressNoteSchema>;
export type ProgressNoteFormValues = z.input<typeof progressNoteSchema>;

/** An edit keeps the student and intervention; it says why, and which version it changes. */
export const editProgressNoteSchema = z.object({
  ...noteFields,
  reason: reasonSchema,
  version: z.coerce.number().int().min(1),
});
export type EditProgressNoteInput = z.output<typeof editProgressNoteSchema>;
export type EditProgressNoteFormValues = z.input<typeof editProgressNoteSchema>;

export const listNotesQuerySchema = z.object({
  studentId: z.uuid().optional(),
});

// --- The intervention's progress-monitoring plan ---

export const monitoringPlanSchema = z.object({
  measureName: z.string().trim().min(1, "Name the measure.").max(100, "100 characters at most."),
  measureUnit: z.string().trim().max(40, "40 characters at most.").default(""),
  measureDirection: z.enum(["higher", "lower"], {
    message: "Say whether higher or lower is better.",
  }),
  goalValue: z.preprocess(blankToUndefined, scoreValueSchema.optional()),
  version: z.coerce.number().int().min(1),
});
export type MonitoringPlanInput = z.output<typeof monitoringPlanSchema>;
export type MonitoringPlanFormValues = z.input<typeof monitoringPlanSchema>;
