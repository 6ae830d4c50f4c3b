import { sql } from "drizzle-orm";
import * as pg from "drizzle-orm/pg-core";
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
    interventionId: pg.uuid("intervention_id").notNull(),
    studentId: pg.uuid("student_id").notNull(),
    sessionId: pg.uuid("session_id"),
    scoreDate: pg.date("score_date", { mode: "string" }).notNull(),
    value: pg.doublePrecision("value").notNull(),
    recordedBy: pg.uuid("recorded_by"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantForeignKey(t.tenantId, t.interventionId, interventions),
    tenantForeignKey(t.tenantId, t.studentId, students),
    tenantForeignKey(t.tenantId, t.sessionId, interventionSessions),
    // One probe per student per session; probes outside sessions are free.
    pg.uniqueIndex("probe_scores_one_per_session").on(t.tenantId, t.sessionId, t.studentId),
    pg.index("probe_scores_by_student").on(t.tenantId, t.studentId, t.scoreDate),
    pg.index("probe_scores_by_intervention").on(t.tenantId, t.interventionId, t.studentId),
  ],
);

/** Earlier versions of an edited progress note, with the reason for the edit. */
export const progressNoteRevisions = interventionSchema.table(
  "progress_note_revisions",
  {
    ...tenantRowColumns(),
    noteId: pg.uuid("note_id").notNull(),
    version: pg.integer("version").notNull(),
    snapshot: pg.jsonb("snapshot").notNull(),
    reason: pg.text("reason").notNull(),
    editedBy: pg.uuid("edited_by"),
    editedAt: instantColumn("edited_at").notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantForeignKey(t.tenantId, t.noteId, progressNotes),
    pg.uniqueIndex("progress_note_revisions_version").on(t.tenantId, t.noteId, t.version),
  ],
);

/** A student's tier timeline (Scenario 7): every change with its justification and evidence. */
export const tierChanges = interventionSchema.table(
  "tier_changes",
  {
    ...tenantRowColumns(),
    studentId: pg.uuid("student_id").notNull(),
    fromTier: pg.smallint("from_tier"),
    toTier: pg.smallint("to_tier").notNull(),
    decidedOn: pg.date("decided_on", { mode: "string" }).notNull(),
    decision: pg.varchar("decision", { length: 20, enum: TIER_DECISIONS }).notNull(),
    justification: pg.text("justification").notNull(),
    /** The data shown when the decision was made (scores, attendance, verdict). */
    dataSnapshot: pg.jsonb("data_snapshot"),
    /** The team members who decided: `[{ staffId?, name, role }]`. */
    team: pg.jsonb("team").notNull().default(sql`'[]'::jsonb`),
    /** Why an escalation went ahead although fidelity was below 80 % (docs/domain.md). */
    lowFidelityReason: pg.text("low_fidelity_reason"),
    interventionId: pg.uuid("intervention_id"),
    decidedBy: pg.uuid("decided_by"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantForeignKey(t.tenantId, t.studentId, students),
    tenantForeignKey(t.tenantId, t.interventionId, interventions),
    pg.index("tier_changes_by_student").on(t.tenantId, t.studentId, t.decidedOn),
  ],
);
