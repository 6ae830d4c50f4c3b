import { and, desc, eq, sql } from "drizzle-orm";
import type { ImportSummary, RejectedRow } from "@/lib/domain/imports/summary";
import type { Tx } from "../../client";
import { importRuns } from "../../schema";

/**
 * Import runs: one district's imports one at a time, each recorded with its summary and rejected
 * rows.
 */

/** Imports of one district run one at a time: two at once would race on the same rows. */
export async function lockImports(tx: Tx, tenantId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`import:${tenantId}`}, 0))`);
}

export async function insertImportRun(
  tx: Tx,
  run: {
    tenantId: string;
    kind: "oneroster" | "assessments";
    status: "running" | "completed" | "failed" | "refused";
    sourceName: string;
    createdBy: string;
    summary?: unknown;
    rejected?: RejectedRow[];
    finishedAt?: Date | null;
  },
): Promise<string> {
  const [row] = await tx
    .insert(importRuns)
    .values({
      ...run,
      summary: run.summary ?? {},
      rejected: run.rejected ?? [],
      finishedAt: run.finishedAt ?? null,
    })
    .returning({ id: importRuns.id });
  if (!row) throw new Error("Insert returned no row");
  return row.id;
}

export async function finishImportRun(
  tx: Tx,
  tenantId: string,
  id: string,
  result: {
    summary: ImportSummary | Record<string, unknown>;
    rejected: RejectedRow[];
    finishedAt: Date;
  },
): Promise<void> {
  await tx
    .update(importRuns)
    .set({ status: "completed", ...result })
    .where(and(eq(importRuns.tenantId, tenantId), eq(importRuns.id, id)));
}

export async function recentImportRuns(tx: Tx, tenantId: string, limit: number) {
  return tx
    .select({
      id: importRuns.id,
      kind: importRuns.kind,
      status: importRuns.status,
      sourceName: importRuns.sourceName,
      summary: importRuns.summary,
      rejectedCount: sql<number>`jsonb_array_length(${importRuns.rejected})`,
      startedAt: importRuns.startedAt,
      finishedAt: importRuns.finishedAt,
    })
    .from(importRuns)
    .where(eq(importRuns.tenantId, tenantId))
    .orderBy(desc(importRuns.startedAt))
    .limit(limit);
}

export async function importRunById(tx: Tx, tenantId: string, id: string) {
  const [row] = await tx
    .select()
    .from(importRuns)
    .where(and(eq(importRuns.tenantId, tenantId), eq(importRuns.id, id)));
  return row ?? null;
}
