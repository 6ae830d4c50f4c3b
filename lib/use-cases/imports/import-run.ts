import type { Tx } from "@/db/client";
import { appendAudit } from "@/db/queries/audit";
import { finishImportRun, insertImportRun, lockImports } from "@/db/queries/imports/runs";
import { withTenant } from "@/db/with-tenant";
import { UnprocessableError } from "@/lib/domain/errors";
import {
  BundleRefusedError,
  changedNothing,
  type ImportSummary,
  type RejectedRow,
} from "@/lib/domain/imports/summary";
import type { UseCaseContext } from "../context";

export type ImportKind = "oneroster" | "assessments";

export interface ImportProgress {
  file: string;
  /** Rows of `file` read so far. */
  rows: number;
}

export interface ImportRunResult {
  runId: string;
  kind: ImportKind;
  sourceName: string;
  summary: ImportSummary;
  /** The first rows rejected (all of them up to a limit); `rejectedTotal` counts every one. */
  rejected: RejectedRow[];
  rejectedTotal: number;
  /** A re-import of the same data: nothing created, updated or deactivated. */
  unchanged: boolean;
}

export interface ImportWork {
  summary: ImportSummary;
  rejected: RejectedRow[];
  rejectedTotal: number;
}

/**
 * What both imports share: one transaction for the whole run (a crash half-way leaves nothing
 * behind), one import at a time per district, the run recorded in import_runs with its summary
 * and rejected rows, and one audit row for the run. A refused upload rolls back whatever was
 * begun and is recorded as "refused"; a failure as "failed". Rows are not audited one by one:
 * 50,000 audit rows would say less than the run's summary does.
 */
export async function runRecordedImport(
  ctx: UseCaseContext,
  kind: ImportKind,
  sourceName: string,
  work: (tx: Tx) => Promise<ImportWork>,
): Promise<ImportRunResult> {
  const { tenantId, userId } = ctx.actor;
  try {
    return await withTenant(ctx.db, ctx.actor, async (tx) => {
      await lockImports(tx, tenantId);
      const runId = await insertImportRun(tx, {
        tenantId,
        kind,
        status: "running",
        sourceName,
        createdBy: userId,
      });
      const done = await work(tx);
      await finishImportRun(tx, tenantId, runId, {
        summary: done.summary,
        rejected: done.rejected,
        finishedAt: ctx.now(),
      });
      await appendAudit(tx, ctx.actor, ctx.requestId, [
        {
          action: `import.${kind}`,
          entityType: "import_run",
          entityId: runId,
          after: { sourceName, summary: done.summary, rejected: done.rejectedTotal },
        },
      ]);
      return {
        runId,
        kind,
        sourceName,
        ...done,
        unchanged: changedNothing(done.summary),
      };
    });
  } catch (error) {
    const refused = error instanceof BundleRefusedError;
    const message = error instanceof Error ? error.message : String(error);
    await withTenant(ctx.db, ctx.actor, (tx) =>
      insertImportRun(tx, {
        tenantId,
        kind,
        status: refused ? "refused" : "failed",
        sourceName,
        createdBy: userId,
        summary: { error: refused ? message : "The import failed; nothing was saved." },
        finishedAt: ctx.now(),
      }),
    ).catch(() => undefined);
    if (refused) throw new UnprocessableError(`${message} Nothing was imported.`);
    throw error;
  }
}
