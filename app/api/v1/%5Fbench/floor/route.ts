import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { NextResponse } from "next/server";
import { idempotencyKeys, users } from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { config } from "@/lib/config";
import { NotFoundError } from "@/lib/domain/errors";
import { apiRoute } from "@/lib/server/route";

/*
 * The benchmark's floor (docs/benchmarks.md): the cheapest request the API can serve, so every
 * measured endpoint can be set beside it. It goes through the same wrapper (actor from the
 * session, problem+json) and one tenant transaction, with one insert (POST) or one select (GET).
 * It exists only when NORTHSTAR_BENCH_FLOOR=1; otherwise it is not found. The folder is named
 * `%5Fbench` because Next treats `_bench` as private; the URL is /api/v1/_bench/floor.
 */

export const dynamic = "force-dynamic";

const enabled = () => config().NORTHSTAR_BENCH_FLOOR === "1";

/** One tenant-scoped select by primary key: the signed-in user's own row. */
export const GET = apiRoute(async ({ ctx }) => {
  if (!enabled()) throw new NotFoundError("Route");
  const rows = await withTenant(ctx.db, ctx.actor, (tx) =>
    tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.tenantId, ctx.actor.tenantId), eq(users.id, ctx.actor.userId))),
  );
  return NextResponse.json({ rows: rows.length });
});

/** One tenant-scoped insert: a throwaway idempotency row, which expires like any other. */
export const POST = apiRoute(async ({ ctx }) => {
  if (!enabled()) throw new NotFoundError("Route");
  await withTenant(ctx.db, ctx.actor, (tx) =>
    tx.insert(idempotencyKeys).values({
      tenantId: ctx.actor.tenantId,
      scope: "bench-floor",
      key: randomUUID(),
      requestHash: "floor",
      responseStatus: 201,
      responseBody: {},
    }),
  );
  return NextResponse.json({ inserted: 1 }, { status: 201 });
});
