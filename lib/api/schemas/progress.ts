import { z } from "zod";
import { RECOMMENDATIONS } from "@/lib/domain/effectiveness/recommendation";
import type { Effectiveness } from "@/lib/domain/effectiveness/types";
import { NOTE_VISIBILITIES, PROGRESS_RATINGS } from "@/lib/domain/sessions/schemas";
import type { getNoteHistory } from "@/lib/use-cases/progress/get-note-history";
import type { getStudentProgress } from "@/lib/use-cases/progress/get-student-progress";
import type { NoteDto } from "@/lib/use-cases/progress/note-dto";
import type { districtEffectiveness } from "@/lib/use-cases/reports/district-effectiveness";
import { describes, named } from "../registry";
import { instant, localDate, uuid } from "./common";

export const noteSchema = named(
  "ProgressNote",
  "A progress note (Scenario 4). Returned only to those its visibility allows.",
  z.object({
    id: uuid,
    interventionId: uuid,
    interventionName: z.string(),
    studentId: uuid,
    studentName: z.string(),
    date: localDate,
    observation: z.string(),
    measure: z
      .object({ name: z.string(), value: z.number(), unit: z.string().nullable() })
      .nullable(),
    nextSteps: z.string().nullable(),
    progressRating: z.enum(PROGRESS_RATINGS).nullable(),
    progressRatingLabel: z.string().nullable(),
    visibility: z.enum(NOTE_VISIBILITIES),
    version: z.number().int().min(1),
    authorName: z.string().nullable(),
    createdAt: instant,
    edited: z.boolean(),
  }) satisfies z.ZodType<NoteDto>,
);

export const noteListSchema = named(
  "ProgressNoteList",
  "The notes of an intervention the caller may read.",
  z.object({ items: z.array(noteSchema) }),
);

export const noteHistorySchema = named(
  "ProgressNoteHistory",
  "A note with its earlier versions and the reason for each edit (history for the team only).",
  describes<Awaited<ReturnType<typeof getNoteHistory>>>()(
    z.object({
      note: noteSchema,
      canEdit: z.boolean(),
      revisions: z.array(z.object({ version: z.number().int(), reason: z.string() })),
    }),
  ),
);

const rate = z.number().nullable();

export const effectivenessSchema = named(
  "Effectiveness",
  "Scenario 6's figures for one intervention (definitions: docs/domain.md).",
  describes<Effectiveness>()(
    z.object({
      attendanceRate: rate,
      fidelity: rate,
      preAverage: z.number().nullable(),
      currentAverage: z.number().nullable(),
      change: z.number().nullable(),
      studentsProgressing: z.object({ count: z.number().int(), total: z.number().int(), rate }),
      projectedEndAverage: z.number().nullable(),
      staffHours: z.number(),
      costPerPoint: z
        .number()
        .nullable()
        .describe("Staff hours per point of gain; null unless the gain is positive."),
      cost: z
        .object({
          staff: z.number(),
          resources: z.number(),
          total: z.number(),
          perStudent: z.number().nullable(),
          perPoint: z.number().nullable(),
        })
        .nullable()
        .describe(
          "Cost to date in dollars, by the group's budget rules over the sessions held (staff × the district's hourly cost per role, licences, consumables, amortised equipment); per student served and per point of gain. Null for those who may not see pay rates (facilitators): staff hours stand for cost.",
        ),
      recommendation: z.enum(Object.values(RECOMMENDATIONS)).describe("What to do next."),
      nonResponders: z.array(z.object({ studentId: uuid, reason: z.string() })),
    }),
  ),
);

type StudentProgress = Awaited<ReturnType<typeof getStudentProgress>>;

export const studentProgressSchema = named(
  "StudentProgress",
  "A student's progress-chart data across interventions: readings per measure with aim and trend lines, tier changes and the notes the caller may read.",
  describes<StudentProgress>()(
    z.object({
      student: z.object({
        id: uuid,
        firstName: z.string(),
        lastName: z.string(),
        grade: z.number().int(),
        currentTier: z.number().int(),
      }),
      interventions: z.array(z.object({ id: uuid, name: z.string(), tier: z.number().int() })),
      timeline: z.object({
        measures: z.array(
          z.object({
            name: z.string(),
            unit: z.string().nullable(),
            points: z.array(z.object({ date: localDate, value: z.number() })),
            segments: z.array(
              z.object({ interventionId: uuid, decision: z.object({ explanation: z.string() }) }),
            ),
          }),
        ),
        markers: z.array(
          z.object({
            date: localDate,
            kind: z.enum(["intervention-start", "intervention-end", "tier-change"]),
            label: z.string(),
          }),
        ),
      }),
      tierChanges: z.array(
        z.object({
          date: localDate,
          fromTier: z.number().int().nullable(),
          toTier: z.number().int(),
        }),
      ),
      notes: z.array(noteSchema),
    }),
  ),
);

export const districtEffectivenessSchema = named(
  "DistrictEffectiveness",
  "Every active group of the district with its effectiveness figures (the /reports/district table). Costs are in `costUnit`; a null figure has its reason in `why`.",
  describes<Awaited<ReturnType<typeof districtEffectiveness>>>()(
    z.object({
      today: localDate,
      rows: z.array(
        z.object({
          id: uuid,
          name: z.string(),
          tier: z.number().int(),
          focusArea: z.string(),
          schoolId: uuid.nullable(),
          schoolName: z.string().nullable(),
          facilitators: z.array(z.object({ id: uuid, name: z.string() })),
          measureName: z.string().nullable(),
          goal: z.number().nullable(),
          studentCount: z.number().int(),
          fidelity: rate,
          progressing: z
            .object({ count: z.number().int(), total: z.number().int(), rate })
            .nullable(),
          projectedEndAverage: z.number().nullable(),
          costPerStudent: z.number().nullable(),
          costPerPoint: z.number().nullable(),
          costUnit: z.enum(["dollars", "staff hours"]),
          why: z.record(z.string(), z.string()),
        }),
      ),
      choices: z.object({
        schools: z.array(z.object({ id: uuid, label: z.string() })),
        focusAreas: z.array(z.string()),
        facilitators: z.array(z.object({ id: uuid, label: z.string() })),
      }),
    }),
  ),
);
