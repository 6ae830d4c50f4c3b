import { and, sql } from "drizzle-orm";
import type { AtRiskRow } from "@/lib/domain/reports/at-risk";
import type { Tx } from "../client";
import { assessmentResults, students } from "../schema";
import {
  type AtRiskFilter,
  type AtRiskOrder,
  atRiskStatement,
  conditionsOf,
  type RawRow,
  rowOf,
} from "./at-risk";
import { tenantJoin } from "./tenant-join";

/** The at-risk CSV's reads: who the file names, then its rows from a cursor in batches. */

/** The ids of every matching student, for the export's disclosure (ids only, no rows). */
export async function atRiskStudentIds(
  tx: Tx,
  tenantId: string,
  filter: AtRiskFilter,
): Promise<string[]> {
  const rows = await tx
    .select({ id: students.id })
    .from(assessmentResults)
    .innerJoin(students, tenantJoin(students.id, assessmentResults.studentId))
    .where(and(...conditionsOf(tx, tenantId, filter)));
  return rows.map((row) => row.id);
}

/**
 * Every matching row in order, handed to `take` in batches of `batchSize` from a cursor of
 * the caller's transaction: the export's memory is one batch, whatever the district's size.
 * `take` answers false to stop early (the download was cancelled).
 */
export async function eachAtRiskBatch(
  tx: Tx,
  tenantId: string,
  filter: AtRiskFilter,
  order: AtRiskOrder,
  batchSize: number,
  take: (rows: AtRiskRow[]) => Promise<boolean>,
): Promise<void> {
  const cursor = sql.identifier("at_risk_export");
  await tx.execute(
    sql`declare ${cursor} no scroll cursor for ${atRiskStatement(tx, tenantId, filter, order)}`,
  );
  for (;;) {
    const batch = await tx.execute<RawRow>(
      sql`fetch forward ${sql.raw(String(Math.trunc(batchSize)))} from ${cursor}`,
    );
    if (batch.length === 0 || !(await take([...batch].map(rowOf)))) break;
    if (batch.length < batchSize) break;
  }
  await tx.execute(sql`close ${cursor}`);
}
