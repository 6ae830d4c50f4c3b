import { z } from "zod";
import type { DomainEvent, DomainEventType } from "@/lib/domain/events";
import {
  assessmentResultRecordedDataSchema,
  staffUpdatedDataSchema,
  studentEnrolledDataSchema,
} from "@/lib/integrations/consumers/schemas";
import { named } from "../registry";
import { instant, localDate, uuid } from "./common";

type DataOf<T extends DomainEventType> = Extract<DomainEvent, { type: T }>["data"];

const ATTENDANCE = z.enum(["present", "absent", "tardy", "excused"]);

/** The `data` of each published event; typed against lib/domain/events so they cannot drift. */
const publishedData = {
  InterventionCreatedEvent: z.object({
    interventionId: uuid,
    name: z.string(),
    tier: z.number().int(),
    focusArea: z.string(),
    startDate: localDate,
    endDate: localDate,
    facilitatorIds: z.array(uuid),
    sessionCount: z.number().int(),
    studentIds: z.array(uuid),
  }) satisfies z.ZodType<DataOf<"InterventionCreatedEvent">>,
  StudentEnrolledInInterventionEvent: z.object({
    enrollmentId: uuid,
    interventionId: uuid,
    studentId: uuid,
    tier: z.number().int(),
    enrollmentDate: localDate,
  }) satisfies z.ZodType<DataOf<"StudentEnrolledInInterventionEvent">>,
  InterventionAttendanceRecordedEvent: z.object({
    interventionId: uuid,
    sessionId: uuid,
    sessionDate: localDate,
    recordedAt: instant,
    records: z.array(z.object({ studentId: uuid, status: ATTENDANCE })),
    attendanceRate: z.number().nullable(),
    flaggedStudentIds: z.array(uuid),
    isEdit: z.boolean(),
  }) satisfies z.ZodType<DataOf<"InterventionAttendanceRecordedEvent">>,
  ProgressNoteAddedEvent: z.object({
    noteId: uuid,
    interventionId: uuid,
    studentId: uuid,
    noteDate: localDate,
    progressRating: z.string().nullable(),
    visibility: z.enum(["team", "teachers", "family"]),
  }) satisfies z.ZodType<DataOf<"ProgressNoteAddedEvent">>,
  StudentExitedInterventionEvent: z.object({
    enrollmentId: uuid,
    interventionId: uuid,
    studentId: uuid,
    exitDate: localDate,
    exitReason: z.string(),
  }) satisfies z.ZodType<DataOf<"StudentExitedInterventionEvent">>,
  TierEscalatedEvent: z.object({
    tierChangeId: uuid,
    studentId: uuid,
    fromTier: z.number().int().nullable(),
    toTier: z.number().int(),
    decidedOn: localDate,
    interventionId: uuid.nullable(),
  }) satisfies z.ZodType<DataOf<"TierEscalatedEvent">>,
} satisfies Record<DomainEventType, z.ZodType>;

/** What each published event means, for the reference page and the document. */
export const PUBLISHED_EVENTS: Record<DomainEventType, string> = {
  InterventionCreatedEvent: "An intervention group was planned, with its sessions (Scenario 1).",
  StudentEnrolledInInterventionEvent: "A student joined an intervention group.",
  InterventionAttendanceRecordedEvent:
    "A session's attendance was recorded or corrected (`isEdit`), with the students flagged for follow-up.",
  ProgressNoteAddedEvent:
    "A progress note was written. Only its visibility travels; the text stays confidential here.",
  StudentExitedInterventionEvent: "A student left an intervention group, with the reason.",
  TierEscalatedEvent: "A student moved up a tier (Scenario 7).",
};

const cloudEvent = <T extends DomainEventType>(type: T) =>
  named(
    type,
    PUBLISHED_EVENTS[type],
    z.object({
      specversion: z.literal("1.0"),
      id: uuid.describe("The event's id; also its NATS `Nats-Msg-Id`. De-duplicate by it."),
      source: z.string().describe("`/northstar/interventions/districts/<district id>`"),
      type: z.literal(type),
      subject: z
        .string()
        .describe("What the event is about: `intervention/<id>` or `student/<id>`."),
      time: instant,
      datacontenttype: z.literal("application/json"),
      data: publishedData[type],
    }),
  );

export const publishedEventSchema = named(
  "PublishedEvent",
  "A CloudEvents 1.0 envelope of one published event, as on NATS and in the feed.",
  z.discriminatedUnion("type", [
    cloudEvent("InterventionCreatedEvent"),
    cloudEvent("StudentEnrolledInInterventionEvent"),
    cloudEvent("InterventionAttendanceRecordedEvent"),
    cloudEvent("ProgressNoteAddedEvent"),
    cloudEvent("StudentExitedInterventionEvent"),
    cloudEvent("TierEscalatedEvent"),
  ]),
);

export const eventFeedPageSchema = named(
  "EventFeedPage",
  "Published events after the cursor, in feed order.",
  z.object({
    items: z.array(publishedEventSchema),
    nextCursor: z
      .string()
      .nullable()
      .describe("Pass as `after` to continue, also to poll when `items` is empty."),
    hasMore: z.boolean().describe("More events are waiting right now."),
  }),
);

export const eventsFeedQuerySchema = z.object({
  after: z.string().max(500).optional().describe("The `nextCursor` of the previous page."),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** The events this service consumes (lib/integrations/consumers), documented with the rest. */
export const CONSUMED_EVENTS = [
  {
    type: "StudentEnrolledEvent",
    area: "students",
    summary:
      "Roster: a student enrolled in (or withdrawn from) a school. Creates or updates the student.",
    schema: named(
      "StudentEnrolledEventData",
      "The `data` of a consumed StudentEnrolledEvent.",
      studentEnrolledDataSchema,
    ),
  },
  {
    type: "AssessmentResultRecordedEvent",
    area: "assessments",
    summary: "A screening or benchmark score. Creates or replaces the result for that window.",
    schema: named(
      "AssessmentResultRecordedEventData",
      "The `data` of a consumed AssessmentResultRecordedEvent.",
      assessmentResultRecordedDataSchema,
    ),
  },
  {
    type: "StaffUpdatedEvent",
    area: "staff",
    summary:
      "A staff member's details and availability (`active`). Creates or updates the staff member.",
    schema: named(
      "StaffUpdatedEventData",
      "The `data` of a consumed StaffUpdatedEvent.",
      staffUpdatedDataSchema,
    ),
  },
] as const;
