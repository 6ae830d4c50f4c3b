import { sql } from "drizzle-orm";
import * as pg from "drizzle-orm/pg-core";
import {
  ABSENCE_KINDS,
  COST_MODELS,
  PROTECTED_BLOCK_KINDS,
  RESOURCE_KINDS,
} from "../../lib/domain/scheduling/kinds";
import {
  createdAtColumn,
  instantColumn,
  interventionSchema,
  tenantForeignKey,
  tenantIdColumn,
  tenantPrimaryKey,
  tenantRowColumns,
} from "./common";
import { districtRowKeys, rooms, schools } from "./district";
import { interventionSessions, interventions } from "./interventions";
import { staff, users } from "./people";

/** A PostgreSQL `tstzrange`, written and read as its text form `[from,to)`. */
const tstzrange = pg.customType<{ data: string; driverData: string }>({
  dataType: () => "tstzrange",
});

/** Wall-clock time of day in the district's time zone, "HH:MM" (like a group's start time). */
const clockTime = (name: string) => pg.varchar(name, { length: 5 });

/**
 * One period of a school's bell schedule. `dayType` names the rotation day it belongs to ("A",
 * "B"…); an empty one is every day. `label` is what OneRoster classes list in `periods`.
 */
export const bellPeriods = interventionSchema.table(
  "bell_periods",
  {
    ...tenantRowColumns(),
    schoolId: pg.uuid("school_id").notNull(),
    dayType: pg.varchar("day_type", { length: 20 }).notNull().default(""),
    label: pg.varchar("label", { length: 40 }).notNull(),
    startTime: clockTime("start_time").notNull(),
    endTime: clockTime("end_time").notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    ...districtRowKeys(t),
    tenantForeignKey(t.tenantId, t.schoolId, schools).onDelete("cascade"),
    pg.unique("bell_periods_one_label").on(t.tenantId, t.schoolId, t.dayType, t.label),
    pg.check("bell_periods_ordered", sql`${t.endTime} > ${t.startTime}`),
  ],
);

/**
 * Time no intervention may take from a grade: core ELA or math, lunch, WIN time. A block with
 * no grade holds for the whole school.
 */
export const protectedBlocks = interventionSchema.table(
  "protected_blocks",
  {
    ...tenantRowColumns(),
    schoolId: pg.uuid("school_id").notNull(),
    grade: pg.smallint("grade"),
    kind: pg.varchar("kind", { length: 20, enum: PROTECTED_BLOCK_KINDS }).notNull(),
    label: pg.varchar("label", { length: 100 }).notNull(),
    /** iCalendar weekday codes, like a group's schedule days. */
    days: pg.text("days").array().notNull(),
    startTime: clockTime("start_time").notNull(),
    endTime: clockTime("end_time").notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    ...districtRowKeys(t),
    tenantForeignKey(t.tenantId, t.schoolId, schools).onDelete("cascade"),
    pg.index("protected_blocks_by_school").on(t.tenantId, t.schoolId),
    pg.check("protected_blocks_ordered", sql`${t.endTime} > ${t.startTime}`),
  ],
);

/** When a staff member works on a weekday; none recorded means hours are not checked. */
export const staffWorkingHours = interventionSchema.table(
  "staff_working_hours",
  {
    tenantId: tenantIdColumn(),
    staffId: pg.uuid("staff_id").notNull(),
    weekday: pg.varchar("weekday", { length: 2 }).notNull(),
    startTime: clockTime("start_time").notNull(),
    endTime: clockTime("end_time").notNull(),
  },
  (t) => [
    pg.primaryKey({ columns: [t.tenantId, t.staffId, t.weekday] }),
    tenantForeignKey(t.tenantId, t.staffId, staff).onDelete("cascade"),
    pg.check("staff_working_hours_ordered", sql`${t.endTime} > ${t.startTime}`),
  ],
);

/** Leave, training and other days away; without times the whole day is away. */
export const staffAbsences = interventionSchema.table(
  "staff_absences",
  {
    ...tenantRowColumns(),
    staffId: pg.uuid("staff_id").notNull(),
    kind: pg.varchar("kind", { length: 20, enum: ABSENCE_KINDS }).notNull(),
    startsOn: pg.date("starts_on", { mode: "string" }).notNull(),
    endsOn: pg.date("ends_on", { mode: "string" }).notNull(),
    startTime: clockTime("start_time"),
    endTime: clockTime("end_time"),
    note: pg.varchar("note", { length: 500 }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    ...districtRowKeys(t),
    tenantForeignKey(t.tenantId, t.staffId, staff).onDelete("cascade"),
    pg.index("staff_absences_by_staff").on(t.tenantId, t.staffId, t.startsOn),
    pg.check("staff_absences_ordered", sql`${t.endsOn} >= ${t.startsOn}`),
    pg.check(
      "staff_absences_times",
      sql`(${t.startTime} is null) = (${t.endTime} is null) and (${t.startTime} is null or ${t.endTime} > ${t.startTime})`,
    ),
  ],
);

/**
 * The district's catalogue (Scenario 9): curriculum, materials and equipment, with how many
 * there are and what they cost. Costs are in cents; which columns apply depends on the model
 * (docs/domain.md, "Budget impact").
 */
export const resources = interventionSchema.table(
  "resources",
  {
    ...tenantRowColumns(),
    schoolId: pg.uuid("school_id"),
    kind: pg.varchar("kind", { length: 20, enum: RESOURCE_KINDS }).notNull(),
    name: pg.varchar("name", { length: 200 }).notNull(),
    description: pg.text("description"),
    /** How many can be in use at the same time (6 iPads: 6). */
    quantity: pg.integer("quantity").notNull().default(1),
    location: pg.varchar("location", { length: 200 }),
    costModel: pg
      .varchar("cost_model", { length: 20, enum: COST_MODELS })
      .notNull()
      .default("none"),
    purchaseCents: pg.integer("purchase_cents"),
    usefulLifeYears: pg.smallint("useful_life_years"),
    licenceCentsPerStudentYear: pg.integer("licence_cents_per_student_year"),
    perUseCents: pg.integer("per_use_cents"),
    retiredAt: instantColumn("retired_at"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    ...districtRowKeys(t),
    tenantForeignKey(t.tenantId, t.schoolId, schools),
    pg.check("resources_quantity", sql`${t.quantity} between 1 and 10000`),
    pg.check(
      "resources_costs",
      sql`coalesce(${t.purchaseCents}, 0) >= 0 and coalesce(${t.licenceCentsPerStudentYear}, 0) >= 0 and coalesce(${t.perUseCents}, 0) >= 0 and (${t.usefulLifeYears} is null or ${t.usefulLifeYears} > 0)`,
    ),
  ],
);

/** What a group needs for each of its sessions, and how many of each. */
export const interventionResources = interventionSchema.table(
  "intervention_resources",
  {
    tenantId: tenantIdColumn(),
    interventionId: pg.uuid("intervention_id").notNull(),
    resourceId: pg.uuid("resource_id").notNull(),
    quantity: pg.smallint("quantity").notNull().default(1),
  },
  (t) => [
    pg.primaryKey({ columns: [t.tenantId, t.interventionId, t.resourceId] }),
    tenantForeignKey(t.tenantId, t.interventionId, interventions).onDelete("cascade"),
    tenantForeignKey(t.tenantId, t.resourceId, resources),
    pg.index("intervention_resources_by_resource").on(t.tenantId, t.resourceId),
    pg.check("intervention_resources_quantity", sql`${t.quantity} >= 1`),
  ],
);

/**
 * What a session holds while it runs: its room, each of its group's facilitators, and units of
 * its resources. Rows are written by triggers on the sessions, facilitators and resources of a
 * group (drizzle/0010_scheduling.sql); exclusion constraints there refuse two overlapping rows
 * for one room, one person or one unit of a pool, whatever the application does.
 */
export const scheduleBookings = interventionSchema.table(
  "schedule_bookings",
  {
    ...tenantRowColumns(),
    sessionId: pg.uuid("session_id").notNull(),
    interventionId: pg.uuid("intervention_id").notNull(),
    roomId: pg.uuid("room_id"),
    staffId: pg.uuid("staff_id"),
    resourceId: pg.uuid("resource_id"),
    /** Which item of the resource's pool (1…quantity). */
    unit: pg.smallint("unit"),
    during: tstzrange("during").notNull(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantForeignKey(t.tenantId, t.sessionId, interventionSessions).onDelete("cascade"),
    tenantForeignKey(t.tenantId, t.interventionId, interventions).onDelete("cascade"),
    tenantForeignKey(t.tenantId, t.roomId, rooms),
    tenantForeignKey(t.tenantId, t.staffId, staff),
    tenantForeignKey(t.tenantId, t.resourceId, resources),
    pg.index("schedule_bookings_by_session").on(t.tenantId, t.sessionId),
    pg.check(
      "schedule_bookings_one_target",
      sql`num_nonnulls(${t.roomId}, ${t.staffId}, ${t.resourceId}) = 1 and (${t.resourceId} is null) = (${t.unit} is null)`,
    ),
  ],
);

/**
 * A staff member's subscribable calendar feed. Only the token's SHA-256 is kept; revoking it
 * ends the feed at once.
 */
export const calendarFeeds = interventionSchema.table(
  "calendar_feeds",
  {
    ...tenantRowColumns(),
    userId: pg.uuid("user_id").notNull(),
    tokenHash: pg.varchar("token_hash", { length: 64 }).notNull().unique(),
    createdAt: createdAtColumn(),
    revokedAt: instantColumn("revoked_at"),
  },
  (t) => [
    ...districtRowKeys(t),
    tenantForeignKey(t.tenantId, t.userId, users).onDelete("cascade"),
    pg.index("calendar_feeds_by_user").on(t.tenantId, t.userId),
  ],
);
