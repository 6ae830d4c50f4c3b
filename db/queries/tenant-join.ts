import { and, eq, getTableColumns, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type * as schema from "../schema";

/** The SQL names of the tables that carry a district's `tenant_id`. */
type TenantTableName = {
  [K in keyof typeof schema]: (typeof schema)[K] extends PgTable & { tenantId: AnyPgColumn }
    ? (typeof schema)[K]["_"]["name"]
    : never;
}[keyof typeof schema];

/** A column of a tenant table, holding values of type `TData`. */
type TenantColumn<TData = unknown> = AnyPgColumn<{ tableName: TenantTableName; data: TData }>;

function tenantIdBeside(column: AnyPgColumn): AnyPgColumn {
  const tenantId = (getTableColumns(column.table) as Record<string, AnyPgColumn | undefined>)
    .tenantId;
  // The parameter types admit only columns of tenant tables; this guards casts around them.
  if (!tenantId) throw new Error(`${column.name}'s table has no tenant_id to join on`);
  return tenantId;
}

/**
 * The condition joining two tenant tables on `left = right`, within one district:
 * `tenantJoin(rooms.id, interventionSessions.roomId)` is
 * `rooms.tenant_id = intervention_sessions.tenant_id and rooms.id = intervention_sessions.room_id`.
 * Every foreign key leads with `tenant_id` (db/schema/common.ts), so naming it in the join
 * lets PostgreSQL use those keys' indexes and never pairs rows of two districts.
 */
export function tenantJoin<TData>(
  left: TenantColumn<TData>,
  right: TenantColumn<NoInfer<TData>>,
): SQL {
  return and(eq(tenantIdBeside(left), tenantIdBeside(right)), eq(left, right))!;
}
