import * as pg from "drizzle-orm/pg-core";
import { COMMUNICATION_STATUSES } from "@/lib/domain/letters/delivery";
import {
  createdAtColumn,
  instantColumn,
  interventionSchema,
  tenantForeignKey,
  tenantPrimaryKey,
  tenantRowColumns,
  updatedAtColumn,
} from "./common";
import { districtRowKeys } from "./district";
import { interventionEnrollments } from "./interventions";
import { guardians } from "./people";

/** Letters a district admin can edit, per kind and language (issue: enrollment letters). */
export const messageTemplates = interventionSchema.table(
  "message_templates",
  {
    ...tenantRowColumns(),
    kind: pg.varchar("kind", { length: 40 }).notNull(),
    language: pg.varchar("language", { length: 8 }).notNull(),
    subject: pg.text("subject").notNull(),
    body: pg.text("body").notNull(),
    version: pg.integer("version").notNull().default(1),
    updatedBy: pg.uuid("updated_by"),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    ...districtRowKeys(t),
    pg.uniqueIndex("message_templates_kind_language").on(t.tenantId, t.kind, t.language),
  ],
);

export { COMMUNICATION_STATUSES };

/** Every message to a family, kept permanently: to whom, what, when, why, and how it went. */
export const communications = interventionSchema.table(
  "communications",
  {
    ...tenantRowColumns(),
    kind: pg.varchar("kind", { length: 40 }).notNull(),
    channel: pg.varchar("channel", { length: 20 }).notNull().default("email"),
    studentId: pg.uuid("student_id"),
    guardianId: pg.uuid("guardian_id"),
    interventionId: pg.uuid("intervention_id"),
    enrollmentId: pg.uuid("enrollment_id"),
    toAddress: pg.varchar("to_address", { length: 254 }),
    language: pg.varchar("language", { length: 8 }).notNull(),
    templateVersion: pg.integer("template_version"),
    subject: pg.text("subject").notNull(),
    body: pg.text("body").notNull(),
    /**
     * What was e-mailed instead of the body, where the district sends a short notice pointing
     * to the portal (the body, the letter itself, is read there); null when the body is sent.
     */
    emailBody: pg.text("email_body"),
    /** Why it was sent, e.g. "Enrollment in Phonics Blends - Tier 2". */
    reason: pg.text("reason"),
    /** Required notices are never suppressed by an unsubscribe. */
    required: pg.boolean("required").notNull().default(true),
    status: pg
      .varchar("status", { length: 20, enum: COMMUNICATION_STATUSES })
      .notNull()
      .default("queued"),
    attempts: pg.integer("attempts").notNull().default(0),
    lastError: pg.text("last_error"),
    nextAttemptAt: instantColumn("next_attempt_at"),
    sentAt: instantColumn("sent_at"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    ...districtRowKeys(t),
    tenantForeignKey(t.tenantId, t.guardianId, guardians),
    pg.index("communications_pending").on(t.tenantId, t.status, t.nextAttemptAt),
    pg.index("communications_by_student").on(t.tenantId, t.studentId),
  ],
);

/** A guardian's opt-out of an enrollment, recorded once however often the link is used. */
export const optOutDecisions = interventionSchema.table(
  "opt_out_decisions",
  {
    ...tenantRowColumns(),
    enrollmentId: pg.uuid("enrollment_id").notNull(),
    guardianId: pg.uuid("guardian_id").notNull(),
    decidedAt: instantColumn("decided_at").notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantForeignKey(t.tenantId, t.enrollmentId, interventionEnrollments),
    tenantForeignKey(t.tenantId, t.guardianId, guardians),
    pg.uniqueIndex("opt_out_decisions_once").on(t.tenantId, t.enrollmentId),
  ],
);

/** One import of roster or assessment files, with what happened to each row. */
export const importRuns = interventionSchema.table(
  "import_runs",
  {
    ...tenantRowColumns(),
    kind: pg.varchar("kind", { length: 20, enum: ["oneroster", "assessments"] }).notNull(),
    status: pg
      .varchar("status", { length: 20, enum: ["running", "completed", "failed", "refused"] })
      .notNull()
      .default("running"),
    sourceName: pg.text("source_name"),
    /** { created, updated, deactivated, rejected, unchanged } per entity. */
    summary: pg.jsonb("summary").notNull().default({}),
    /** [{ file, line, reason }] */
    rejected: pg.jsonb("rejected").notNull().default([]),
    createdBy: pg.uuid("created_by"),
    startedAt: instantColumn("started_at").notNull().defaultNow(),
    finishedAt: instantColumn("finished_at"),
  },
  (t) => [...districtRowKeys(t), pg.index("import_runs_recent").on(t.tenantId, t.startedAt)],
);
