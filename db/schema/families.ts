import { date, index, jsonb, text, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";
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
    schoolYearId: uuid("school_year_id").notNull(),
    /** "Quarter 1", "Trimester 2": as the district names it. */
    name: varchar("name", { length: 60 }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    /** When a pass of the summary job found every family of the period written to. */
    summariesCompletedAt: instantColumn("summaries_completed_at"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    ...districtRowKeys(t),
    tenantForeignKey(t.tenantId, t.schoolYearId, schoolYears),
    uniqueIndex("reporting_periods_end").on(t.tenantId, t.endsOn),
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
    periodId: uuid("period_id").notNull(),
    studentId: uuid("student_id").notNull(),
    guardianId: uuid("guardian_id").notNull(),
    language: varchar("language", { length: 8 }).notNull(),
    status: varchar("status", { length: 20, enum: SUMMARY_STATUSES }).notNull(),
    /** What the summary said: the groups, attendance, progress in words, the graph, notes, contact. */
    content: jsonb("content").notNull(),
    communicationId: uuid("communication_id"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantForeignKey(t.tenantId, t.periodId, reportingPeriods),
    tenantForeignKey(t.tenantId, t.studentId, students),
    tenantForeignKey(t.tenantId, t.guardianId, guardians),
    tenantForeignKey(t.tenantId, t.communicationId, communications),
    uniqueIndex("progress_summaries_once").on(t.tenantId, t.periodId, t.studentId, t.guardianId),
    index("progress_summaries_by_student").on(t.tenantId, t.studentId),
  ],
);

/** A specialist held a child's summary of a period before it went out, with the reason. */
export const progressSummaryHolds = interventionSchema.table(
  "progress_summary_holds",
  {
    ...tenantRowColumns(),
    periodId: uuid("period_id").notNull(),
    studentId: uuid("student_id").notNull(),
    reason: text("reason").notNull(),
    heldBy: uuid("held_by"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantForeignKey(t.tenantId, t.periodId, reportingPeriods),
    tenantForeignKey(t.tenantId, t.studentId, students),
    tenantForeignKey(t.tenantId, t.heldBy, users),
    uniqueIndex("progress_summary_holds_once").on(t.tenantId, t.periodId, t.studentId),
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
    studentId: uuid("student_id").notNull(),
    guardianId: uuid("guardian_id"),
    /** The account that sent it. */
    recordedBy: uuid("recorded_by"),
    kind: varchar("kind", { length: 20, enum: FAMILY_REQUEST_KINDS }).notNull(),
    body: text("body").notNull(),
    status: varchar("status", { length: 20, enum: FAMILY_REQUEST_STATUSES })
      .notNull()
      .default("open"),
    answer: text("answer"),
    answeredBy: uuid("answered_by"),
    answeredAt: instantColumn("answered_at"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantForeignKey(t.tenantId, t.studentId, students),
    tenantForeignKey(t.tenantId, t.guardianId, guardians),
    tenantForeignKey(t.tenantId, t.recordedBy, users),
    tenantForeignKey(t.tenantId, t.answeredBy, users),
    index("family_requests_by_student").on(t.tenantId, t.studentId),
  ],
);
