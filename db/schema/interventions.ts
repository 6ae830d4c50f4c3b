import { sql } from "drizzle-orm";
import * as pg from "drizzle-orm/pg-core";
import { INTERVENTION_STATUSES } from "../../lib/domain/interventions/schemas";
import { HIGHEST_TIER, LOWEST_TIER } from "../../lib/domain/tiers/tier";
import {
  createdAtColumn,
  editedPlanColumns,
  instantColumn,
  interventionSchema,
  planMeasureColumns,
  planSubjectColumns,
  tenantForeignKey,
  tenantIdColumn,
  tenantPrimaryKey,
  tenantRowColumns,
} from "./common";
import { districtRowKeys, rooms, schools } from "./district";
import { staff, students, users } from "./people";
import { interventionTemplates } from "./templates";

export const interventions = interventionSchema.table(
  "interventions",
  {
    ...tenantRowColumns(),
    name: pg.varchar("intervention_name", { length: 200 }).notNull(),
    ...planSubjectColumns(),
    goal: pg.text("goal"),
    status: pg
      .varchar("status", { length: 20, enum: INTERVENTION_STATUSES })
      .notNull()
      .default("active"),
    startDate: pg.date("start_date", { mode: "string" }).notNull(),
    /** Date of the last planned session (later than start + weeks when holidays intervene). */
    endDate: pg.date("end_date", { mode: "string" }).notNull(),
    durationWeeks: pg.smallint("duration_weeks").notNull(),
    /** iCalendar weekday codes: MO TU WE TH FR SA SU. */
    scheduleDays: pg.text("schedule_days").array().notNull(),
    /** Local wall-clock time in the district's time zone, "HH:MM". */
    startTime: pg.varchar("start_time", { length: 5 }).notNull(),
    sessionMinutes: pg.smallint("session_minutes").notNull(),
    /** Human wording of the schedule, e.g. "3 times per week, 30 minutes". */
    frequency: pg.varchar("frequency", { length: 100 }).notNull(),
    schoolId: pg.uuid("school_id"),
    roomId: pg.uuid("room_id"),
    ...planMeasureColumns(),
    /** Probe score counted as proficient for exit criteria (Scenario 11). */
    proficiencyTarget: pg.doublePrecision("proficiency_target"),
    /** Consecutive proficient probes an exit needs (docs/domain.md, "Exit criteria"). */
    exitProbesNeeded: pg.smallint("exit_probes_needed").notNull().default(3),
    /** The grade-level benchmark cut an exit needs; null: the district's screening cut. */
    exitBenchmarkCut: pg.doublePrecision("exit_benchmark_cut"),
    /** The template the group was started from (Scenario 10); the group keeps its own copy. */
    templateId: pg.uuid("template_id"),
    /** iCalendar SEQUENCE of the group's series: raised on every change sent to calendars. */
    calendarSequence: pg.integer("calendar_sequence").notNull().default(0),
    ...editedPlanColumns(),
  },
  (t) => [
    ...districtRowKeys(t),
    tenantForeignKey(t.tenantId, t.schoolId, schools),
    tenantForeignKey(t.tenantId, t.roomId, rooms),
    tenantForeignKey(t.tenantId, t.createdBy, users),
    tenantForeignKey(t.tenantId, t.templateId, interventionTemplates),
    // The range is the domain's (lib/domain/tiers/tier.ts): written as literals, as the check
    // was generated (drizzle/0000_init.sql), so a change there generates a migration here.
    pg.check(
      "interventions_tier_range",
      sql`${t.tier} between ${sql.raw(String(LOWEST_TIER))} and ${sql.raw(String(HIGHEST_TIER))}`,
    ),
    pg.check("interventions_dates_ordered", sql`${t.endDate} >= ${t.startDate}`),
    pg.index("interventions_by_status").on(t.tenantId, t.status, t.startDate),
  ],
);

export const interventionFacilitators = interventionSchema.table(
  "intervention_facilitators",
  {
    tenantId: tenantIdColumn(),
    interventionId: pg.uuid("intervention_id").notNull(),
    staffId: pg.uuid("staff_id").notNull(),
  },
  (t) => [
    pg.primaryKey({ columns: [t.tenantId, t.interventionId, t.staffId] }),
    tenantForeignKey(t.tenantId, t.interventionId, interventions).onDelete("cascade"),
    tenantForeignKey(t.tenantId, t.staffId, staff),
    pg.index("intervention_facilitators_by_staff").on(t.tenantId, t.staffId),
  ],
);

export const interventionEnrollments = interventionSchema.table(
  "intervention_enrollments",
  {
    ...tenantRowColumns(),
    interventionId: pg.uuid("intervention_id").notNull(),
    studentId: pg.uuid("student_id").notNull(),
    enrollmentDate: pg.date("enrollment_date", { mode: "string" }).notNull(),
    exitDate: pg.date("exit_date", { mode: "string" }),
    exitReason: pg.varchar("exit_reason", { length: 200 }),
    isActive: pg.boolean("is_active").notNull().default(true),
    /** Set when a guardian opted the student out (where the district allows it). */
    optedOutAt: instantColumn("opted_out_at"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantForeignKey(t.tenantId, t.interventionId, interventions),
    tenantForeignKey(t.tenantId, t.studentId, students),
    // A student is in a group once at a time; a past, exited enrollment may be followed by a new one.
    pg
      .uniqueIndex("intervention_enrollments_one_active")
      .on(t.tenantId, t.interventionId, t.studentId)
      .where(sql`${t.isActive}`),
    pg.index("intervention_enrollments_by_student").on(t.tenantId, t.studentId),
    // A session's roster includes students who left the group after that session's date.
    pg.index("intervention_enrollments_by_intervention").on(t.tenantId, t.interventionId),
  ],
);

export const SESSION_STATUSES = ["scheduled", "held", "cancelled"] as const;

export const interventionSessions = interventionSchema.table(
  "intervention_sessions",
  {
    ...tenantRowColumns(),
    interventionId: pg.uuid("intervention_id").notNull(),
    /** 1-based position in the planned series. */
    sequence: pg.smallint("sequence").notNull(),
    sessionDate: pg.date("session_date", { mode: "string" }).notNull(),
    startsAt: instantColumn("starts_at").notNull(),
    minutes: pg.smallint("minutes").notNull(),
    status: pg
      .varchar("status", { length: 20, enum: SESSION_STATUSES })
      .notNull()
      .default("scheduled"),
    notes: pg.text("notes"),
    facilitatorId: pg.uuid("facilitator_id"),
    roomId: pg.uuid("room_id"),
    /** Why it was called off, shown wherever the cancelled session is listed. */
    cancellationReason: pg.varchar("cancellation_reason", { length: 500 }),
    /** The cancelled session this one makes up for; set on sessions added as make-ups. */
    makeupForSessionId: pg.uuid("makeup_for_session_id"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantForeignKey(t.tenantId, t.interventionId, interventions),
    tenantForeignKey(t.tenantId, t.makeupForSessionId, t),
    tenantForeignKey(t.tenantId, t.facilitatorId, staff),
    tenantForeignKey(t.tenantId, t.roomId, rooms),
    pg
      .index("intervention_sessions_by_intervention")
      .on(t.tenantId, t.interventionId, t.sessionDate),
    pg.index("intervention_sessions_by_day").on(t.tenantId, t.sessionDate),
    // The make-up link's foreign key is checked on every session delete; without this index
    // each check would scan the district's sessions.
    pg
      .index("intervention_sessions_makeups")
      .on(t.tenantId, t.makeupForSessionId)
      .where(sql`${t.makeupForSessionId} is not null`),
  ],
);

export const ATTENDANCE_STATUSES = ["present", "absent", "tardy", "excused"] as const;

export const sessionAttendance = interventionSchema.table(
  "session_attendance",
  {
    ...tenantRowColumns(),
    sessionId: pg.uuid("session_id").notNull(),
    studentId: pg.uuid("student_id").notNull(),
    status: pg.varchar("attendance_status", { length: 20, enum: ATTENDANCE_STATUSES }).notNull(),
    recordedAt: instantColumn("recorded_at").notNull(),
    recordedBy: pg.uuid("recorded_by"),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantForeignKey(t.tenantId, t.sessionId, interventionSessions),
    tenantForeignKey(t.tenantId, t.studentId, students),
    pg.uniqueIndex("session_attendance_one_mark").on(t.tenantId, t.sessionId, t.studentId),
    pg.index("session_attendance_by_student").on(t.tenantId, t.studentId),
  ],
);

export const PROGRESS_RATINGS = ["exceeding", "expected", "some", "none"] as const;
export const NOTE_VISIBILITIES = ["team", "teachers", "family"] as const;

export const progressNotes = interventionSchema.table(
  "progress_notes",
  {
    ...tenantRowColumns(),
    interventionId: pg.uuid("intervention_id").notNull(),
    studentId: pg.uuid("student_id").notNull(),
    noteDate: pg.date("note_date", { mode: "string" }).notNull(),
    observation: pg.text("observation").notNull(),
    measureName: pg.varchar("measure_name", { length: 100 }),
    measureValue: pg.doublePrecision("measure_value"),
    measureUnit: pg.varchar("measure_unit", { length: 40 }),
    nextSteps: pg.text("next_steps"),
    progressRating: pg.varchar("progress_rating", { length: 20, enum: PROGRESS_RATINGS }),
    visibility: pg
      .varchar("visibility", { length: 20, enum: NOTE_VISIBILITIES })
      .notNull()
      .default("team"),
    createdBy: pg.uuid("created_by"),
    version: pg.integer("version").notNull().default(1),
    createdAt: createdAtColumn(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantForeignKey(t.tenantId, t.interventionId, interventions),
    tenantForeignKey(t.tenantId, t.studentId, students),
    pg.index("progress_notes_by_student").on(t.tenantId, t.studentId, t.noteDate),
    pg.index("progress_notes_by_intervention").on(t.tenantId, t.interventionId, t.noteDate),
  ],
);
