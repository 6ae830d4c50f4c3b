import { and, eq, inArray, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "../client";
import { returnedRow } from "./returned-row";

type TenantRowTable = PgTable & { tenantId: AnyPgColumn; id: AnyPgColumn };

/** The condition naming one row of a district's table by its id: `tenant_id = … and id = …`. */
export function tenantRow(table: TenantRowTable, tenantId: string, id: string): SQL {
  return and(eq(table.tenantId, tenantId), eq(table.id, id))!;
}

/**
 * One row of a district's table, locked (`for update`) until the transaction ends, so that a
 * decision on it is taken once; null when the district has no such row.
 */
export async function lockTenantRow<T extends TenantRowTable>(
  tx: Tx,
  table: T,
  tenantId: string,
  id: string,
): Promise<T["$inferSelect"] | null> {
  const [row] = await tx
    .select()
    .from(table as PgTable)
    .where(tenantRow(table, tenantId, id))
    .for("update");
  return (row as T["$inferSelect"] | undefined) ?? null;
}

/** Changes one row of a district's table and hands it back as it now is (it must exist). */
export async function updateTenantRow<T extends TenantRowTable>(
  tx: Tx,
  table: T,
  tenantId: string,
  id: string,
  change: Partial<T["$inferInsert"]>,
): Promise<T["$inferSelect"]> {
  const rows = await tx
    .update(table as PgTable)
    .set(change as never)
    .where(tenantRow(table, tenantId, id))
    .returning();
  return returnedRow(rows, "Update") as T["$inferSelect"];
}

/** The condition naming one group's rows of a district's table: `tenant_id = … and intervention_id = …`. */
export function ofGroup(
  table: PgTable & { tenantId: AnyPgColumn; interventionId: AnyPgColumn },
  tenantId: string,
  interventionId: string,
): SQL {
  return and(eq(table.tenantId, tenantId), eq(table.interventionId, interventionId))!;
}

/** The condition naming these groups' rows of a district's table. */
export function ofGroups(
  table: PgTable & { tenantId: AnyPgColumn; interventionId: AnyPgColumn },
  tenantId: string,
  interventionIds: Iterable<string>,
): SQL {
  return and(eq(table.tenantId, tenantId), inArray(table.interventionId, [...interventionIds]))!;
}
