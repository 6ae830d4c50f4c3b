import { insertThrowawayResponse, selectOwnUser } from "@/db/queries/bench-floor";
import { withTenant } from "@/db/with-tenant";
import { config } from "@/lib/config";
import { NotFoundError } from "@/lib/domain/errors";
import type { UseCaseContext } from "../context";

/**
 * The benchmark's floor (docs/benchmarks.md): the cheapest work a request can do — one tenant
 * transaction with one select or one insert — so every measured endpoint can be set beside it.
 * It exists only when NORTHSTAR_BENCH_FLOOR=1; otherwise it is not found.
 */
function requireFloor(): void {
  if (config().NORTHSTAR_BENCH_FLOOR !== "1") throw new NotFoundError("Route");
}

export async function benchFloorRead(ctx: UseCaseContext): Promise<number> {
  requireFloor();
  return withTenant(ctx.db, ctx.actor, (tx) =>
    selectOwnUser(tx, ctx.actor.tenantId, ctx.actor.userId),
  );
}

export async function benchFloorWrite(ctx: UseCaseContext): Promise<void> {
  requireFloor();
  await withTenant(ctx.db, ctx.actor, (tx) => insertThrowawayResponse(tx, ctx.actor.tenantId));
}
