import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Tx } from "../client";
import { idempotencyKeys, users } from "../schema";

/** One tenant-scoped select by primary key: the user's own row (the benchmark's read floor). */
export async function selectOwnUser(tx: Tx, tenantId: string, userId: string): Promise<number> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
  return rows.length;
}

/** One tenant-scoped insert: a throwaway stored response, which expires like any other. */
export async function insertThrowawayResponse(tx: Tx, tenantId: string): Promise<void> {
  await tx.insert(idempotencyKeys).values({
    tenantId,
    scope: "bench-floor",
    key: randomUUID(),
    requestHash: "floor",
    responseStatus: 201,
    responseBody: {},
  });
}
