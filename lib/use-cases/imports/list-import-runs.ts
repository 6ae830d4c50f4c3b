import { recentImportRuns } from "@/db/queries/imports/runs";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError } from "@/lib/domain/errors";
import { isDistrictAdmin } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";

/** The district's recent imports, newest first, for the admin imports page. */
export async function listImportRuns(ctx: UseCaseContext, limit = 30) {
  if (!isDistrictAdmin(ctx.actor)) throw new ForbiddenError("Only district admins see imports.");
  return withTenant(ctx.db, ctx.actor, (tx) => recentImportRuns(tx, ctx.actor.tenantId, limit));
}
