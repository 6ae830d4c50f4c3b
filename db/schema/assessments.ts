import * as pg from "drizzle-orm/pg-core";
import {
  createdAtColumn,
  interventionSchema,
  tenantForeignKey,
  tenantPrimaryKey,
  tenantRowColumns,
} from "./common";
import { districtRowKeys } from "./district";
import { students } from "./people";

export const ASSESSMENT_WINDOWS = ["fall", "winter", "spring"] as const;

/** A district's screening / benchmark instruments and the cut scores that map a score to a tier. */
export const assessments = interventionSchema.table(
  "assessments",
  {
    ...tenantRowColumns(),
    name: pg.varchar("name", { length: 200 }).notNull(),
    subject: pg.varchar("subject", { length: 100 }).notNull(),
    scaleMin: pg.doublePrecision("scale_min").notNull().default(0),
    scaleMax: pg.doublePrecision("scale_max").notNull().default(100),
    /** [{ window?, grade?, tier1Min, tier2Min }]; the most specific entry applies. */
    cutScores: pg.jsonb("cut_scores").notNull().default([]),
    createdAt: createdAtColumn(),
  },
  (t) => districtRowKeys(t),
);

export const assessmentResults = interventionSchema.table(
  "assessment_results",
  {
    ...tenantRowColumns(),
    assessmentId: pg.uuid("assessment_id").notNull(),
    studentId: pg.uuid("student_id").notNull(),
    /** e.g. "2026-27". */
    schoolYear: pg.varchar("school_year", { length: 9 }).notNull(),
    window: pg.varchar("window", { length: 10, enum: ASSESSMENT_WINDOWS }).notNull(),
    administeredOn: pg.date("administered_on", { mode: "string" }).notNull(),
    score: pg.doublePrecision("score").notNull(),
    percentile: pg.smallint("percentile"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantForeignKey(t.tenantId, t.assessmentId, assessments),
    tenantForeignKey(t.tenantId, t.studentId, students),
    // One result per student, assessment and window: a re-import replaces, never duplicates.
    pg
      .uniqueIndex("assessment_results_one_per_window")
      .on(t.tenantId, t.assessmentId, t.studentId, t.schoolYear, t.window),
    pg.index("assessment_results_by_window").on(t.tenantId, t.assessmentId, t.schoolYear, t.window),
    pg.index("assessment_results_by_student").on(t.tenantId, t.studentId),
  ],
);
