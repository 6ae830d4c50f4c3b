import { sql } from "drizzle-orm";
import * as pg from "drizzle-orm/pg-core";
import {
  createdAtColumn,
  instantColumn,
  interventionSchema,
  sourceIdColumn,
  sourceIdIndex,
  tenantForeignKey,
  tenantIdColumn,
  tenantPrimaryKey,
  tenantRowColumns,
} from "./common";

/** A district is the tenant. Its own row is visible only to its own members (RLS on `id`). */
export const districts = interventionSchema.table("districts", {
  id: pg.uuid("id").primaryKey().default(sql`gen_random_uuid()`),
  name: pg.varchar("name", { length: 200 }).notNull(),
  slug: pg.varchar("slug", { length: 60 }).notNull().unique(),
  timeZone: pg.varchar("time_zone", { length: 64 }).notNull().default("America/Chicago"),
  /** District-adjustable numbers (absence flags, cut scores, letter mode…); defaults in code. */
  settings: pg.jsonb("settings").notNull().default({}),
  createdAt: createdAtColumn(),
});

/** Every tenant row belongs to an existing district. */
export function districtForeignKey(tenantId: pg.AnyPgColumn) {
  return pg.foreignKey({ columns: [tenantId], foreignColumns: [districts.id] });
}

/** The keys of a table of the district's own rows: `(tenant_id, id)`, and the district itself. */
export function districtRowKeys(t: { tenantId: pg.AnyPgColumn; id: pg.AnyPgColumn }) {
  return [tenantPrimaryKey(t), districtForeignKey(t.tenantId)];
}

export const schools = interventionSchema.table(
  "schools",
  {
    ...tenantRowColumns(),
    name: pg.varchar("name", { length: 200 }).notNull(),
    code: pg.varchar("code", { length: 40 }),
    lowestGrade: pg.smallint("lowest_grade").notNull().default(0),
    highestGrade: pg.smallint("highest_grade").notNull().default(8),
    /**
     * Rotation day names in order ("A", "B"), empty when every day is alike; the first
     * instructional day on or after `rotationStartsOn` is the first of them.
     */
    dayRotation: pg.text("day_rotation").array().notNull().default(sql`'{}'::text[]`),
    rotationStartsOn: pg.date("rotation_starts_on", { mode: "string" }),
    sourceId: sourceIdColumn(),
    createdAt: createdAtColumn(),
  },
  (t) => [...districtRowKeys(t), sourceIdIndex("schools_source_id", t)],
);

export const rooms = interventionSchema.table(
  "rooms",
  {
    ...tenantRowColumns(),
    schoolId: pg.uuid("school_id").notNull(),
    name: pg.varchar("name", { length: 100 }).notNull(),
    capacity: pg.smallint("capacity"),
    createdAt: createdAtColumn(),
  },
  (t) => [tenantPrimaryKey(t), tenantForeignKey(t.tenantId, t.schoolId, schools)],
);

/**
 * Days with no instruction (holidays, in-service days). Session generation skips them and
 * extends the series so the planned number of sessions still happens.
 */
export const nonInstructionalDays = interventionSchema.table(
  "non_instructional_days",
  {
    tenantId: tenantIdColumn(),
    day: pg.date("day", { mode: "string" }).notNull(),
    description: pg.text("description").notNull(),
  },
  (t) => [
    pg.primaryKey({ columns: [t.tenantId, t.day] }),
    districtForeignKey(t.tenantId),
    pg.index("non_instructional_days_lookup").on(t.tenantId, t.day),
  ],
);

/**
 * A school year of the district: its first and last day of instruction. The days after one
 * year's last day and before the next one's first are out of school (the summer), and closing a
 * year is the year-end rollover (docs/domain.md, "School years and the year-end rollover").
 * Years never overlap (an exclusion constraint in drizzle/0012).
 */
export const schoolYears = interventionSchema.table(
  "school_years",
  {
    ...tenantRowColumns(),
    /** "2026-27", as assessment results name a year (lib/domain/reports/school-year.ts). */
    label: pg.varchar("label", { length: 9 }).notNull(),
    firstDay: pg.date("first_day", { mode: "string" }).notNull(),
    lastDay: pg.date("last_day", { mode: "string" }).notNull(),
    /** When the rollover closed it, and who (the audit trail has the rest). */
    closedAt: instantColumn("closed_at"),
    closedBy: pg.uuid("closed_by"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    ...districtRowKeys(t),
    pg.uniqueIndex("school_years_label").on(t.tenantId, t.label),
    pg.check("school_years_days_ordered", sql`${t.lastDay} > ${t.firstDay}`),
  ],
);
