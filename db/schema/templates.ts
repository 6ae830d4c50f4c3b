import { sql } from "drizzle-orm";
import * as pg from "drizzle-orm/pg-core";
import { HIGHEST_TIER, LOWEST_TIER } from "../../lib/domain/tiers/tier";
import {
  editedPlanColumns,
  interventionSchema,
  planMeasureColumns,
  planSubjectColumns,
  tenantForeignKey,
  tenantRowColumns,
} from "./common";
import { districtRowKeys } from "./district";
import { users } from "./people";

/**
 * Intervention templates (Scenario 10, issue 12 item 3): a plan a new group starts from.
 * `owner_user_id` null is a district template (made by an admin, seen by every manager of the
 * district); set, a personal template seen only by its owner (and the district's admins).
 */
export const interventionTemplates = interventionSchema.table(
  "intervention_templates",
  {
    ...tenantRowColumns(),
    name: pg.varchar("name", { length: 200 }).notNull(),
    ...planSubjectColumns(),
    durationWeeks: pg.smallint("duration_weeks").notNull(),
    daysPerWeek: pg.smallint("days_per_week").notNull(),
    sessionMinutes: pg.smallint("session_minutes").notNull(),
    groupSizeMin: pg.smallint("group_size_min"),
    groupSizeMax: pg.smallint("group_size_max"),
    activities: pg.text("activities"),
    resources: pg.text("resources").array().notNull().default(sql`'{}'::text[]`),
    ...planMeasureColumns(),
    goal: pg.text("goal"),
    entranceCriteria: pg.text("entrance_criteria"),
    exitCriteria: pg.text("exit_criteria"),
    ownerUserId: pg.uuid("owner_user_id"),
    ...editedPlanColumns(),
  },
  (t) => [
    ...districtRowKeys(t),
    tenantForeignKey(t.tenantId, t.ownerUserId, users),
    tenantForeignKey(t.tenantId, t.createdBy, users),
    pg.check(
      "intervention_templates_tier_range",
      sql`${t.tier} between ${sql.raw(String(LOWEST_TIER))} and ${sql.raw(String(HIGHEST_TIER))}`,
    ),
    pg.check(
      "intervention_templates_group_size",
      sql`${t.groupSizeMin} is null or ${t.groupSizeMax} is null or ${t.groupSizeMin} <= ${t.groupSizeMax}`,
    ),
    pg.index("intervention_templates_by_owner").on(t.tenantId, t.ownerUserId),
  ],
);
