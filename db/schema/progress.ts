import { sql } from "drizzle-orm";
import {
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  smallint,
  text,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { TIER_DECISIONS } from "../../lib/domain/tiers/decision";
import {
  createdAtColumn,
  instantColumn,
  interventionSchema,
  tenantForeignKey,
  tenantPrimaryKey,
  tenantRowColumns,
} from "./common";
import { interventionSessions, interventions, progressNotes } from "./interventions";
import { students } from "./people";

/** One progress-monitoring probe: a student's score on the intervention's measure. */
export const probeScores = interventionSchema.table(
  "probe_scores",
  {
    ...tenantRowColumns(),
    interventionId: uuid("intervention_id").notNull(),
    studentId: uuid("student_id").notNull(),
    sessionId: uuid("session_id"),
    scoreDate: date("score_date", { mode: "string" }).notNull(),
    value: doublePrecision("value").notNull(),
    recordedBy: uuid("recorded_by"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantForeignKey(t.tenantId, t.interventionId, interventions),
    tenantForeignKey(t.tenantId, t.studentId, students),
    tenantForeignKey(t.tenantId, t.sessionId, interventionSessions),
    // One probe per student per session; probes outside sessions are free.
    uniqueIndex("probe_scores_one_per_session").on(t.tenantId, t.sessionId, t.studentId),
    index("probe_scores_by_student").on(t.tenantId, t.studentId, t.scoreDate),
    index("probe_scores_by_intervention").on(t.tenantId, t.interventionId, t.studentId),
  ],
);

/** Earlier versions of an edited progress note, with the reason for the edit. */
export const progressNoteRevisions = interventionSchema.table(
  "progress_note_revisions",
  {
    ...tenantRowColumns(),
    noteId: uuid("note_id").notNull(),
    version: integer("version").notNull(),
    snapshot: jsonb("snapshot").notNull(),
    reason: text("reason").notNull(),
    editedBy: uuid("edited_by"),
    editedAt: instantColumn("edited_at").notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantForeignKey(t.tenantId, t.noteId, progressNotes),
    uniqueIndex("progress_note_revisions_version").on(t.tenantId, t.noteId, t.version),
  ],
);

/** A student's tier timeline (Scenario 7): every change with its justification and evidence. */
export const tierChanges = interventionSchema.table(
  "tier_changes",
  {
    ...tenantRowColumns(),
    studentId: uuid("student_id").notNull(),
    fromTier: smallint("from_tier"),
    toTier: smallint("to_tier").notNull(),
    decidedOn: date("decided_on", { mode: "string" }).notNull(),
    decision: varchar("decision", { length: 20, enum: TIER_DECISIONS }).notNull(),
    justification: text("justification").notNull(),
    /** The data shown when the decision was made (scores, attendance, verdict). */
    dataSnapshot: jsonb("data_snapshot"),
    /** The team members who decided: `[{ staffId?, name, role }]`. */
    team: jsonb("team").notNull().default(sql`'[]'::jsonb`),
    /** Why an escalation went ahead although fidelity was below 80 % (docs/domain.md). */
    lowFidelityReason: text("low_fidelity_reason"),
    interventionId: uuid("intervention_id"),
    decidedBy: uuid("decided_by"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantForeignKey(t.tenantId, t.studentId, students),
    tenantForeignKey(t.tenantId, t.interventionId, interventions),
    index("tier_changes_by_student").on(t.tenantId, t.studentId, t.decidedOn),
  ],
);
