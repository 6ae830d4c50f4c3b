import { sql } from "drizzle-orm";
import * as pg from "drizzle-orm/pg-core";
import {
  EVALUATION_REQUEST_STATUSES,
  EXIT_REVIEW_STATUSES,
  FOLLOW_UP_STATUSES,
  REQUESTER_KINDS,
} from "../../lib/domain/decisions/kinds";
import {
  createdAtColumn,
  instantColumn,
  interventionSchema,
  tenantForeignKey,
  tenantPrimaryKey,
  tenantRowColumns,
} from "./common";
import { districtRowKeys, schools } from "./district";
import { interventionEnrollments, interventions } from "./interventions";
import { students, users } from "./people";
import { tierChanges } from "./progress";

/**
 * An MTSS team meeting (issue 11, point 2): when, who was there, and for each student discussed
 * the data looked at and the decision taken.
 */
export const mtssMeetings = interventionSchema.table(
  "mtss_meetings",
  {
    ...tenantRowColumns(),
    schoolId: pg.uuid("school_id"),
    heldOn: pg.date("held_on", { mode: "string" }).notNull(),
    title: pg.varchar("title", { length: 200 }).notNull(),
    /** Who attended: `[{ staffId?, name, role }]`, as they were that day. */
    attendees: pg.jsonb("attendees").notNull().default(sql`'[]'::jsonb`),
    notes: pg.text("notes"),
    createdBy: pg.uuid("created_by"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    ...districtRowKeys(t),
    tenantForeignKey(t.tenantId, t.schoolId, schools),
    tenantForeignKey(t.tenantId, t.createdBy, users),
    pg.index("mtss_meetings_by_day").on(t.tenantId, t.heldOn),
  ],
);

export const mtssMeetingStudents = interventionSchema.table(
  "mtss_meeting_students",
  {
    ...tenantRowColumns(),
    meetingId: pg.uuid("meeting_id").notNull(),
    studentId: pg.uuid("student_id").notNull(),
    /** The tier decision taken, whose snapshot is the data looked at. */
    tierChangeId: pg.uuid("tier_change_id"),
    /** The decision in words: "Tier 2 → Tier 3, 1:1 reading with Ms. Johnson, 5×30 min". */
    decisionSummary: pg.text("decision_summary").notNull(),
    reviewOn: pg.date("review_on", { mode: "string" }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantForeignKey(t.tenantId, t.meetingId, mtssMeetings).onDelete("cascade"),
    tenantForeignKey(t.tenantId, t.studentId, students),
    tenantForeignKey(t.tenantId, t.tierChangeId, tierChanges),
    pg.index("mtss_meeting_students_by_student").on(t.tenantId, t.studentId),
    pg.index("mtss_meeting_students_by_meeting").on(t.tenantId, t.meetingId),
  ],
);

/**
 * A request for a special-education evaluation (34 CFR 300.301(b)): a parent may ask at any
 * time, and the intervention process never blocks it.
 */
export const evaluationRequests = interventionSchema.table(
  "evaluation_requests",
  {
    ...tenantRowColumns(),
    studentId: pg.uuid("student_id").notNull(),
    requestedOn: pg.date("requested_on", { mode: "string" }).notNull(),
    requesterKind: pg.varchar("requester_kind", { length: 20, enum: REQUESTER_KINDS }).notNull(),
    /** The account that recorded it (the parent's own, or staff writing down a call). */
    recordedBy: pg.uuid("recorded_by"),
    requesterName: pg.varchar("requester_name", { length: 200 }).notNull(),
    note: pg.text("note"),
    status: pg
      .varchar("status", { length: 20, enum: EVALUATION_REQUEST_STATUSES })
      .notNull()
      .default("open"),
    response: pg.text("response"),
    respondedBy: pg.uuid("responded_by"),
    respondedAt: instantColumn("responded_at"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantForeignKey(t.tenantId, t.studentId, students),
    tenantForeignKey(t.tenantId, t.recordedBy, users),
    tenantForeignKey(t.tenantId, t.respondedBy, users),
    pg.index("evaluation_requests_by_student").on(t.tenantId, t.studentId),
    pg
      .index("evaluation_requests_open")
      .on(t.tenantId, t.requestedOn)
      .where(sql`${t.status} = 'open'`),
  ],
);

/**
 * A student's way out of a group (Scenario 11): flagged when the data criteria are met, then
 * recommended by the facilitator, then approved or declined by the specialist. `criteria` is the
 * exit recommendation report: the data behind each criterion when it was last evaluated.
 */
export const exitReviews = interventionSchema.table(
  "exit_reviews",
  {
    ...tenantRowColumns(),
    enrollmentId: pg.uuid("enrollment_id").notNull(),
    interventionId: pg.uuid("intervention_id").notNull(),
    studentId: pg.uuid("student_id").notNull(),
    status: pg
      .varchar("status", { length: 20, enum: EXIT_REVIEW_STATUSES })
      .notNull()
      .default("eligible"),
    criteria: pg.jsonb("criteria").notNull(),
    eligibleOn: pg.date("eligible_on", { mode: "string" }).notNull(),
    evaluatedAt: instantColumn("evaluated_at").notNull(),
    recommendedBy: pg.uuid("recommended_by"),
    recommendedAt: instantColumn("recommended_at"),
    recommendationNote: pg.text("recommendation_note"),
    decidedBy: pg.uuid("decided_by"),
    decidedAt: instantColumn("decided_at"),
    decisionReason: pg.text("decision_reason"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantForeignKey(t.tenantId, t.enrollmentId, interventionEnrollments),
    tenantForeignKey(t.tenantId, t.interventionId, interventions),
    tenantForeignKey(t.tenantId, t.studentId, students),
    tenantForeignKey(t.tenantId, t.recommendedBy, users),
    tenantForeignKey(t.tenantId, t.decidedBy, users),
    // One open review per enrollment; decided ones stay as history.
    pg
      .uniqueIndex("exit_reviews_one_open")
      .on(t.tenantId, t.enrollmentId)
      .where(sql`${t.status} in ('eligible', 'recommended')`),
    pg.index("exit_reviews_by_status").on(t.tenantId, t.status),
    pg.index("exit_reviews_by_intervention").on(t.tenantId, t.interventionId),
  ],
);

/** The weekly check after an exit: is the student holding on, or slipping? */
export const exitFollowUps = interventionSchema.table(
  "exit_follow_ups",
  {
    ...tenantRowColumns(),
    enrollmentId: pg.uuid("enrollment_id").notNull(),
    interventionId: pg.uuid("intervention_id").notNull(),
    studentId: pg.uuid("student_id").notNull(),
    dueOn: pg.date("due_on", { mode: "string" }).notNull(),
    status: pg.varchar("status", { length: 20, enum: FOLLOW_UP_STATUSES }).notNull().default("due"),
    probeScore: pg.doublePrecision("probe_score"),
    note: pg.text("note"),
    recordedBy: pg.uuid("recorded_by"),
    recordedAt: instantColumn("recorded_at"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantForeignKey(t.tenantId, t.enrollmentId, interventionEnrollments),
    tenantForeignKey(t.tenantId, t.interventionId, interventions),
    tenantForeignKey(t.tenantId, t.studentId, students),
    tenantForeignKey(t.tenantId, t.recordedBy, users),
    pg.uniqueIndex("exit_follow_ups_one_per_week").on(t.tenantId, t.enrollmentId, t.dueOn),
    pg.index("exit_follow_ups_due").on(t.tenantId, t.dueOn).where(sql`${t.status} = 'due'`),
  ],
);
