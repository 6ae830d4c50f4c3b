import * as pg from "drizzle-orm/pg-core";
import {
  FAMILY_REQUEST_KINDS,
  FAMILY_REQUEST_STATUSES,
  SUMMARY_STATUSES,
} from "../../lib/domain/families/kinds";
import {
  createdAtColumn,
  instantColumn,
  interventionSchema,
  tenantForeignKey,
  tenantPrimaryKey,
  tenantRowColumns,
} from "./common";
import { communications } from "./communications";
import { districtRowKeys, schoolYears } from "./district";
import { guardians, students, users } from "./people";

/**
 * The district's reporting calendar (issue 13, point 1): the periods of a school year (quarters
 * or trimesters) by their last day. Progress summaries go to families after each one ends.
 */
export const reportingPeriods = interventionSchema.table(
  "reporting_periods",
  {
    ...tenantRowColumns(),
    schoolYearId: pg.uuid("school_year_id").notNull(),
    /** "Quarter 1", "Trimester 2": as the district names it. */
    name: pg.varchar("name", { length: 60 }).notNull(),
    endsOn: pg.date("ends_on", { mode: "string" }).notNull(),
    /** When a pass of the summary job found every family of the period written to. */
    summariesCompletedAt: instantColumn("summaries_completed_at"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    ...districtRowKeys(t),
    tenantForeignKey(t.tenantId, t.schoolYearId, schoolYears),
    pg.uniqueIndex("reporting_periods_end").on(t.tenantId, t.endsOn),
  ],
);

/**
 * One guardian's progress summary of one child for one period, written once (the unique index
 * is what makes a second worker or a restarted run a no-op): the content as sent, and the
 * letter it went out as.
 */
export const progressSummaries = interventionSchema.table(
  "progress_summaries",
  {
    ...tenantRowColumns(),
    periodId: pg.uuid("period_id").notNull(),
    studentId: pg.uuid("student_id").notNull(),
    guardianId: pg.uuid("guardian_id").notNull(),
    language: pg.varchar("language", { length: 8 }).notNull(),
    status: pg.varchar("status", { length: 20, enum: SUMMARY_STATUSES }).notNull(),
    /** What the summary said: the groups, attendance, progress in words, the graph, notes, contact. */
    content: pg.jsonb("content").notNull(),
    communicationId: pg.uuid("communication_id"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantForeignKey(t.tenantId, t.periodId, reportingPeriods),
    tenantForeignKey(t.tenantId, t.studentId, students),
    tenantForeignKey(t.tenantId, t.guardianId, guardians),
    tenantForeignKey(t.tenantId, t.communicationId, communications),
    pg.uniqueIndex("progress_summaries_once").on(t.tenantId, t.periodId, t.studentId, t.guardianId),
    pg.index("progress_summaries_by_student").on(t.tenantId, t.studentId),
  ],
);

/** A specialist held a child's summary of a period before it went out, with the reason. */
export const progressSummaryHolds = interventionSchema.table(
  "progress_summary_holds",
  {
    ...tenantRowColumns(),
    periodId: pg.uuid("period_id").notNull(),
    studentId: pg.uuid("student_id").notNull(),
    reason: pg.text("reason").notNull(),
    heldBy: pg.uuid("held_by"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantForeignKey(t.tenantId, t.periodId, reportingPeriods),
    tenantForeignKey(t.tenantId, t.studentId, students),
    tenantForeignKey(t.tenantId, t.heldBy, users),
    pg.uniqueIndex("progress_summary_holds_once").on(t.tenantId, t.periodId, t.studentId),
  ],
);

/**
 * What a family asked through the portal (issue 13, point 3) besides an evaluation: to amend a
 * record (FERPA 34 CFR 99.20) or a question for the team; routed to the team's dashboard and
 * answered there.
 */
export const familyRequests = interventionSchema.table(
  "family_requests",
  {
    ...tenantRowColumns(),
    studentId: pg.uuid("student_id").notNull(),
    guardianId: pg.uuid("guardian_id"),
    /** The account that sent it. */
    recordedBy: pg.uuid("recorded_by"),
    kind: pg.varchar("kind", { length: 20, enum: FAMILY_REQUEST_KINDS }).notNull(),
    body: pg.text("body").notNull(),
    status: pg
      .varchar("status", { length: 20, enum: FAMILY_REQUEST_STATUSES })
      .notNull()
      .default("open"),
    answer: pg.text("answer"),
    answeredBy: pg.uuid("answered_by"),
    answeredAt: instantColumn("answered_at"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantForeignKey(t.tenantId, t.studentId, students),
    tenantForeignKey(t.tenantId, t.guardianId, guardians),
    tenantForeignKey(t.tenantId, t.recordedBy, users),
    tenantForeignKey(t.tenantId, t.answeredBy, users),
    pg.index("family_requests_by_student").on(t.tenantId, t.studentId),
  ],
);
