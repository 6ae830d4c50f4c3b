import { sql } from "drizzle-orm";
import * as pg from "drizzle-orm/pg-core";

/** Every table lives in the `intervention` schema, as the spec's DDL names it. */
export const interventionSchema = pg.pgSchema("intervention");

/**
 * The district a row belongs to. It leads every primary key, foreign key and index of a
 * tenant table so that a district's rows can be co-located by Citus later (see
 * docs/decisions/0002-tenant-keys-and-rls.md), and RLS policies filter on it.
 */
export const tenantIdColumn = () => pg.uuid("tenant_id").notNull();

export const idColumn = () => pg.uuid("id").notNull().default(sql`gen_random_uuid()`);

/** The first two columns of every tenant table whose rows have an id of their own. */
export const tenantRowColumns = () => ({ tenantId: tenantIdColumn(), id: idColumn() });

/** The primary key of a table built on tenantRowColumns: `(tenant_id, id)`. */
export function tenantPrimaryKey(t: { tenantId: pg.AnyPgColumn; id: pg.AnyPgColumn }) {
  return pg.primaryKey({ columns: [t.tenantId, t.id] });
}

/** Every point in time is a `timestamptz`, read as a Date. */
export const instantColumn = <TName extends string>(name: TName) =>
  pg.timestamp(name, { withTimezone: true, mode: "date" });

export const createdAtColumn = () => instantColumn("created_at").notNull().defaultNow();

export const updatedAtColumn = () => instantColumn("updated_at").notNull().defaultNow();

/**
 * What a plan is about, a group's (./interventions.ts) and the template's it may start from
 * (./templates.ts): the group copies these from the template.
 */
export const planSubjectColumns = () => ({
  tier: pg.smallint("tier_level").notNull(),
  focusArea: pg.varchar("focus_area", { length: 100 }).notNull(),
  description: pg.text("description"),
});

/** A plan's progress-monitoring measure and goal, a group's and a template's alike. */
export const planMeasureColumns = () => ({
  /** The progress-monitoring measure, e.g. "Words correct per minute". */
  measureName: pg.varchar("measure_name", { length: 100 }),
  measureUnit: pg.varchar("measure_unit", { length: 40 }),
  /** Whether a higher score is better ("higher") or a lower one ("lower", e.g. errors). */
  measureDirection: pg
    .varchar("measure_direction", { length: 10, enum: ["higher", "lower"] })
    .notNull()
    .default("higher"),
  /** Target score at the end date: the aim line ends here. */
  goalValue: pg.doublePrecision("goal_value"),
});

/** Who created an editable plan, the version its updates check, and when. */
export const editedPlanColumns = () => ({
  createdBy: pg.uuid("created_by"),
  version: pg.integer("version").notNull().default(1),
  createdAt: createdAtColumn(),
  updatedAt: updatedAtColumn(),
});

/** The roster's own id of a row (OneRoster `sourcedId`), which re-imports match on. */
export const sourceIdColumn = () => pg.varchar("source_id", { length: 120 });

/** A source id names one row of its district; rows typed in by hand have none. */
export function sourceIdIndex(
  name: string,
  t: { tenantId: pg.AnyPgColumn; sourceId: pg.AnyPgColumn },
) {
  return pg.uniqueIndex(name).on(t.tenantId, t.sourceId).where(sql`${t.sourceId} is not null`);
}

/**
 * A composite foreign key `(tenant_id, column) → target (tenant_id, id)`: a row can only ever
 * point at a row of its own district, whatever the application code does.
 */
export function tenantForeignKey(
  tenantId: pg.AnyPgColumn,
  column: pg.AnyPgColumn,
  target: { tenantId: pg.AnyPgColumn; id: pg.AnyPgColumn },
) {
  return pg.foreignKey({
    columns: [tenantId, column],
    foreignColumns: [target.tenantId, target.id],
  });
}
