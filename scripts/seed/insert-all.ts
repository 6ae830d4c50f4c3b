/** Inserts planned rows in batches, within the caller's district transaction. */

import type { PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "@/db/client";

/** Rows per INSERT (and per UPDATE … FROM VALUES): well under PostgreSQL's parameter limit. */
export const BATCH_ROWS = 500;

export async function insertAll<T extends PgTable>(
  tx: Tx,
  table: T,
  rows: readonly T["$inferInsert"][],
) {
  for (let i = 0; i < rows.length; i += BATCH_ROWS) {
    // drizzle's insert types are per table; the rows were typed against this table where built.
    await tx.insert(table).values(rows.slice(i, i + BATCH_ROWS) as never);
  }
}
