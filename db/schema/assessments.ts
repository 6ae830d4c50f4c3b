import {
  date,
  doublePrecision,
  index,
  jsonb,
  smallint,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
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
    name: varchar("name", { length: 200 }).notNull(),
    subject: varchar("subject", { length: 100 }).notNull(),
    scaleMin: doublePrecision("scale_min").notNull().default(0),
    scaleMax: doublePrecision("scale_max").notNull().default(100),
    /** [{ window?, grade?, tier1Min, tier2Min }]; the most specific entry applies. */
    cutScores: jsonb("cut_scores").notNull().default([]),
    createdAt: createdAtColumn(),
  },
  (t) => districtRowKeys(t),
);

export const assessmentResults = interventionSchema.table(
  "assessment_results",
  {
    ...tenantRowColumns(),
    assessmentId: uuid("assessment_id").notNull(),
    studentId: uuid("student_id").notNull(),
    /** e.g. "2026-27". */
    schoolYear: varchar("school_year", { length: 9 }).notNull(),
    window: varchar("window", { length: 10, enum: ASSESSMENT_WINDOWS }).notNull(),
    administeredOn: date("administered_on", { mode: "string" }).notNull(),
    score: doublePrecision("score").notNull(),
    percentile: smallint("percentile"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantForeignKey(t.tenantId, t.assessmentId, assessments),
    tenantForeignKey(t.tenantId, t.studentId, students),
    // One result per student, assessment and window: a re-import replaces, never duplicates.
    uniqueIndex("assessment_results_one_per_window").on(
      t.tenantId,
      t.assessmentId,
      t.studentId,
      t.schoolYear,
      t.window,
    ),
    index("assessment_results_by_window").on(t.tenantId, t.assessmentId, t.schoolYear, t.window),
    index("assessment_results_by_student").on(t.tenantId, t.studentId),
  ],
);
