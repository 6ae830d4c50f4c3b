import {
  boolean,
  index,
  integer,
  jsonb,
  text,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
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
    kind: varchar("kind", { length: 40 }).notNull(),
    language: varchar("language", { length: 8 }).notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    version: integer("version").notNull().default(1),
    updatedBy: uuid("updated_by"),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    ...districtRowKeys(t),
    uniqueIndex("message_templates_kind_language").on(t.tenantId, t.kind, t.language),
  ],
);

export { COMMUNICATION_STATUSES };

/** Every message to a family, kept permanently: to whom, what, when, why, and how it went. */
export const communications = interventionSchema.table(
  "communications",
  {
    ...tenantRowColumns(),
    kind: varchar("kind", { length: 40 }).notNull(),
    channel: varchar("channel", { length: 20 }).notNull().default("email"),
    studentId: uuid("student_id"),
    guardianId: uuid("guardian_id"),
    interventionId: uuid("intervention_id"),
    enrollmentId: uuid("enrollment_id"),
    toAddress: varchar("to_address", { length: 254 }),
    language: varchar("language", { length: 8 }).notNull(),
    templateVersion: integer("template_version"),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    /**
     * What was e-mailed instead of the body, where the district sends a short notice pointing
     * to the portal (the body, the letter itself, is read there); null when the body is sent.
     */
    emailBody: text("email_body"),
    /** Why it was sent, e.g. "Enrollment in Phonics Blends - Tier 2". */
    reason: text("reason"),
    /** Required notices are never suppressed by an unsubscribe. */
    required: boolean("required").notNull().default(true),
    status: varchar("status", { length: 20, enum: COMMUNICATION_STATUSES })
      .notNull()
      .default("queued"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    nextAttemptAt: instantColumn("next_attempt_at"),
    sentAt: instantColumn("sent_at"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    ...districtRowKeys(t),
    tenantForeignKey(t.tenantId, t.guardianId, guardians),
    index("communications_pending").on(t.tenantId, t.status, t.nextAttemptAt),
    index("communications_by_student").on(t.tenantId, t.studentId),
  ],
);

/** A guardian's opt-out of an enrollment, recorded once however often the link is used. */
export const optOutDecisions = interventionSchema.table(
  "opt_out_decisions",
  {
    ...tenantRowColumns(),
    enrollmentId: uuid("enrollment_id").notNull(),
    guardianId: uuid("guardian_id").notNull(),
    decidedAt: instantColumn("decided_at").notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantForeignKey(t.tenantId, t.enrollmentId, interventionEnrollments),
    tenantForeignKey(t.tenantId, t.guardianId, guardians),
    uniqueIndex("opt_out_decisions_once").on(t.tenantId, t.enrollmentId),
  ],
);

/** One import of roster or assessment files, with what happened to each row. */
export const importRuns = interventionSchema.table(
  "import_runs",
  {
    ...tenantRowColumns(),
    kind: varchar("kind", { length: 20, enum: ["oneroster", "assessments"] }).notNull(),
    status: varchar("status", { length: 20, enum: ["running", "completed", "failed", "refused"] })
      .notNull()
      .default("running"),
    sourceName: text("source_name"),
    /** { created, updated, deactivated, rejected, unchanged } per entity. */
    summary: jsonb("summary").notNull().default({}),
    /** [{ file, line, reason }] */
    rejected: jsonb("rejected").notNull().default([]),
    createdBy: uuid("created_by"),
    startedAt: instantColumn("started_at").notNull().defaultNow(),
    finishedAt: instantColumn("finished_at"),
  },
  (t) => [...districtRowKeys(t), index("import_runs_recent").on(t.tenantId, t.startedAt)],
);
