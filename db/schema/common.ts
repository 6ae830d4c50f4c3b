import { sql } from "drizzle-orm";
import { pgSchema, timestamp, uuid } from "drizzle-orm/pg-core";

/** Every table lives in the `intervention` schema, as the spec's DDL names it. */
export const interventionSchema = pgSchema("intervention");

/**
 * The district a row belongs to. It leads every primary key, foreign key and index of a
 * tenant table so that a district's rows can be co-located by Citus later (see
 * docs/decisions/0002-tenant-keys.md), and RLS policies filter on it.
 */
export const tenantIdColumn = () => uuid("tenant_id").notNull();

export const idColumn = () => uuid("id").notNull().default(sql`gen_random_uuid()`);

export const createdAtColumn = () =>
  timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();
