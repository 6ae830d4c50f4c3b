import { sql } from "drizzle-orm";
import { type AnyPgColumn, foreignKey, pgSchema, timestamp, uuid } from "drizzle-orm/pg-core";

/** Every table lives in the `intervention` schema, as the spec's DDL names it. */
export const interventionSchema = pgSchema("intervention");

/**
 * The district a row belongs to. It leads every primary key, foreign key and index of a
 * tenant table so that a district's rows can be co-located by Citus later (see
 * docs/decisions/0002-tenant-keys-and-rls.md), and RLS policies filter on it.
 */
export const tenantIdColumn = () => uuid("tenant_id").notNull();

export const idColumn = () => uuid("id").notNull().default(sql`gen_random_uuid()`);

export const createdAtColumn = () =>
  timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();

/**
 * A composite foreign key `(tenant_id, column) → target (tenant_id, id)`: a row can only ever
 * point at a row of its own district, whatever the application code does.
 */
export function tenantForeignKey(
  tenantId: AnyPgColumn,
  column: AnyPgColumn,
  target: { tenantId: AnyPgColumn; id: AnyPgColumn },
) {
  return foreignKey({ columns: [tenantId, column], foreignColumns: [target.tenantId, target.id] });
}
