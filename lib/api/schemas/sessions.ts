import { z } from "zod";
import { ATTENDANCE_STATUSES } from "@/lib/domain/attendance";
import type { cancelSession } from "@/lib/use-cases/sessions/cancel-session";
import type { getSession } from "@/lib/use-cases/sessions/get-session";
import type { AttendanceRecorded } from "@/lib/use-cases/sessions/record-attendance";
import type { rescheduleSession } from "@/lib/use-cases/sessions/reschedule-session";
import type { SessionDto } from "@/lib/use-cases/sessions/session-dto";
import { describes, named } from "../registry";
import { instant, localDate, uuid } from "./common";

const SESSION_STATUSES = ["scheduled", "held", "cancelled"] as const;
const rate = z.number().min(0).max(1).nullable();

export const sessionSchema = named(
  "Session",
  "One planned (or added) session of an intervention.",
  z.object({
    id: uuid,
    interventionId: uuid,
    sequence: z.number().int(),
    date: localDate,
    startsAt: instant,
    minutes: z.number().int(),
    status: z.enum(SESSION_STATUSES),
    isMakeup: z
      .boolean()
      .describe("Added after planning, e.g. to make up for a cancelled session."),
    makeupForSessionId: uuid
      .nullable()
      .describe("The cancelled session this one makes up for, when added as a make-up."),
    cancellationReason: z.string().nullable().describe("Why a cancelled session was called off."),
    notes: z.string().nullable().describe("Session notes; only for those who run the group."),
    attendance: z
      .object({ marked: z.number().int(), attended: z.number().int(), attendanceRate: rate })
      .nullable()
      .describe("Null until attendance is taken."),
  }) satisfies z.ZodType<SessionDto>,
);

export const sessionListSchema = named(
  "SessionList",
  "An intervention's sessions in date order.",
  z.object({ items: z.array(sessionSchema) }),
);

const counts = z.object({
  present: z.number().int(),
  absent: z.number().int(),
  tardy: z.number().int(),
  excused: z.number().int(),
});

type SessionDetail = Awaited<ReturnType<typeof getSession>>;

export const sessionDetailSchema = named(
  "SessionDetail",
  "A session with its roster and marks, this session's rate, follow-up flags and the group's fidelity (what the attendance taker shows).",
  describes<SessionDetail>()(
    z.object({
      today: localDate,
      timeZone: z.string(),
      canRecord: z.boolean(),
      canChangeSchedule: z.boolean(),
      session: z.object({
        id: uuid,
        sequence: z.number().int(),
        date: localDate,
        minutes: z.number().int(),
        status: z.enum(SESSION_STATUSES),
        notes: z.string().nullable(),
        isMakeup: z.boolean(),
        cancellationReason: z.string().nullable(),
      }),
      intervention: z.object({
        id: uuid,
        name: z.string(),
        tier: z.number().int(),
        focusArea: z.string(),
      }),
      measure: z.object({ name: z.string(), unit: z.string().nullable() }).nullable(),
      roster: z.array(
        z.object({
          studentId: uuid,
          firstName: z.string(),
          lastName: z.string(),
          grade: z.number().int(),
          status: z.enum(ATTENDANCE_STATUSES).nullable(),
          probeScore: z.number().nullable(),
        }),
      ),
      counts,
      attendanceRate: rate,
      flaggedStudentIds: z.array(uuid),
      group: z.object({ counts, attendanceRate: rate }),
    }),
  ),
);

export const attendanceRecordedSchema = named(
  "AttendanceRecorded",
  "The saved marks of a session (Scenario 3: 4 of 6 present = 0.67).",
  z.object({
    sessionId: uuid,
    recordedAt: instant,
    present: z.number().int(),
    absent: z.number().int(),
    tardy: z.number().int(),
    excused: z.number().int(),
    attendanceRate: rate,
    flaggedStudentIds: z
      .array(uuid)
      .describe("Students of this session who reached a follow-up threshold."),
  }) satisfies z.ZodType<AttendanceRecorded>,
);

export const sessionCancelledSchema = named(
  "SessionCancelled",
  "The session is cancelled; the reason is in the audit trail.",
  z.object({ sessionId: uuid, status: z.literal("cancelled") }) satisfies z.ZodType<
    Awaited<ReturnType<typeof cancelSession>>
  >,
);

export const sessionRescheduledSchema = named(
  "SessionRescheduled",
  "The session's new day and time.",
  z.object({ sessionId: uuid, date: localDate, startsAt: instant }) satisfies z.ZodType<
    Awaited<ReturnType<typeof rescheduleSession>>
  >,
);
