import { localDateSchema } from "../interventions/schemas";
import { changeTierSchema, teamMemberSchema } from "../tiers/schemas";
import { z } from "../zod";

/** An MTSS team meeting (issue 11, point 2): when, what about, who was there. */
export const createMeetingSchema = z.object({
  heldOn: localDateSchema,
  title: z
    .string({ message: "Give the meeting a title." })
    .trim()
    .min(1, "Give the meeting a title, e.g. Grade 3 data meeting.")
    .max(200, "200 characters at most."),
  schoolId: z.uuid().nullish(),
  attendees: z
    .array(teamMemberSchema)
    .min(1, "Name at least one attendee.")
    .max(40, "40 attendees at most."),
  notes: z.string().trim().max(4000, "4000 characters at most.").nullish(),
});
export type CreateMeetingInput = z.output<typeof createMeetingSchema>;

/** The plan agreed for the student, in the words of the recap: "1:1 reading with Ms. Johnson, 5×30 min". */
export const meetingPlanSchema = z.object({
  description: z.string().trim().max(200, "200 characters at most.").nullish(),
  with: z.string().trim().max(200, "200 characters at most.").nullish(),
  sessionsPerWeek: z.coerce.number().int().min(1).max(10).nullish(),
  minutes: z.coerce.number().int().min(5).max(240).nullish(),
});
export type MeetingPlan = z.output<typeof meetingPlanSchema>;

/**
 * A student discussed at a meeting: the decision taken, in words, and when to look again. The
 * data looked at is a tier decision's snapshot: either a decision already recorded
 * (`tierChangeId`) or one recorded now with the meeting (`tierDecision`, the same input as
 * `POST /students/{id}/tier`).
 */
export const addMeetingStudentSchema = z
  .object({
    studentId: z.uuid("Pick a student."),
    plan: meetingPlanSchema.default({}),
    /** The decision in words where no tier decision is taken, e.g. "Continue; add a weekly probe". */
    decision: z.string().trim().max(500, "500 characters at most.").nullish(),
    reviewOn: localDateSchema.nullish(),
    tierChangeId: z.uuid().nullish(),
    tierDecision: changeTierSchema.nullish(),
  })
  .superRefine((value, ctx) => {
    if (value.tierChangeId && value.tierDecision) {
      ctx.addIssue({
        code: "custom",
        path: ["tierChangeId"],
        message: "Link a recorded decision or record a new one, not both.",
      });
    }
    if (!value.tierChangeId && !value.tierDecision && !value.decision?.trim()) {
      ctx.addIssue({
        code: "custom",
        path: ["decision"],
        message: "Say what the team decided.",
      });
    }
  });
export type AddMeetingStudentInput = z.output<typeof addMeetingStudentSchema>;
