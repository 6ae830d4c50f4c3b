import { studentPickerRows } from "@/db/queries/students";
import { withTenant } from "@/db/with-tenant";
import { canCreateIntervention } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";

/**
 * The students a prefilled "new intervention" form starts with (from the at-risk report), in
 * the order given. Ids the planner may not use — another district's, inactive, made up — are
 * dropped silently: the form is only a starting point, and creating re-checks every id.
 */
export async function studentOptions(ctx: UseCaseContext, ids: readonly string[]) {
  if (!canCreateIntervention(ctx.actor) || ids.length === 0) return [];
  const rows = await withTenant(ctx.db, ctx.actor, (tx) =>
    studentPickerRows(tx, ctx.actor.tenantId, ids),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
