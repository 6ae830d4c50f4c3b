import { importRunById } from "@/db/queries/imports/runs";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import type { ImportSummary, RejectedRow } from "@/lib/domain/imports/summary";
import { isDistrictAdmin } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";

/** One import with its summary and the rows it rejected, and why. */
export async function getImportRun(ctx: UseCaseContext, id: string) {
  if (!isDistrictAdmin(ctx.actor)) throw new ForbiddenError("Only district admins see imports.");
  const run = await withTenant(ctx.db, ctx.actor, (tx) =>
    importRunById(tx, ctx.actor.tenantId, id),
  );
  if (!run) throw new NotFoundError("Import");
  return {
    ...run,
    summary: run.summary as ImportSummary | { error: string },
    rejected: run.rejected as RejectedRow[],
  };
}
