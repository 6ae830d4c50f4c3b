import * as pg from "drizzle-orm/pg-core";
import { instantColumn, interventionSchema, tenantForeignKey, tenantIdColumn } from "./common";
import { districtForeignKey } from "./district";
import { interventions } from "./interventions";

/**
 * Each group's effectiveness figures as last computed, with what they were computed from
 * (docs/domain.md, "The effectiveness summary"; decision 0021). `input_version` is raised by
 * triggers in the same transaction as any write to the group's inputs
 * (drizzle/0017_effectiveness_summaries.sql); the figures are current only while
 * `computed_version` equals it, the district's inputs are still at `district_version`, the
 * district's day is still `computed_for` and `valid_until` (the next planned session's start,
 * which changes "sessions scheduled to date") has not come.
 */
export const effectivenessSummaries = interventionSchema.table(
  "effectiveness_summaries",
  {
    tenantId: tenantIdColumn(),
    interventionId: pg.uuid("intervention_id").notNull(),
    inputVersion: pg.bigint("input_version", { mode: "number" }).notNull().default(1),
    computedVersion: pg.bigint("computed_version", { mode: "number" }),
    districtVersion: pg.bigint("district_version", { mode: "number" }),
    computedFor: pg.date("computed_for", { mode: "string" }),
    validUntil: instantColumn("valid_until"),
    /** lib/use-cases/progress/effectiveness-summary.ts → SummaryFigures. */
    figures: pg.jsonb("figures"),
    computedAt: instantColumn("computed_at"),
  },
  (t) => [
    pg.primaryKey({ columns: [t.tenantId, t.interventionId] }),
    tenantForeignKey(t.tenantId, t.interventionId, interventions).onDelete("cascade"),
  ],
);

/**
 * The version of a district's inputs to every group's figures (its settings and time zone, the
 * resources' costs, the staff's titles and roles that price their time): raised by triggers
 * with them, compared with each summary's `district_version`.
 */
export const effectivenessDistrictInputs = interventionSchema.table(
  "effectiveness_district_inputs",
  {
    tenantId: tenantIdColumn().primaryKey(),
    version: pg.bigint("version", { mode: "number" }).notNull().default(1),
  },
  (t) => [districtForeignKey(t.tenantId).onDelete("cascade")],
);
