import { and, eq, gte, lt, lte, sql } from "drizzle-orm";
import type { Tx } from "../client";
import { idempotencyKeys } from "../schema";

export interface StoredResponse {
  requestHash: string;
  responseStatus: number;
  responseBody: unknown;
}

/**
 * Queues requests with the same key until the transaction ends: a twin sent at the same moment
 * waits for the first to commit, then finds its stored answer instead of doing the work again
 * (and meeting the first one's bookings as conflicts).
 */
export async function lockIdempotencyKey(
  tx: Tx,
  where: { tenantId: string; scope: string; key: string },
): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`${where.tenantId}:${where.scope}:${where.key}`}, 0))`,
  );
}

export async function findStoredResponse(
  tx: Tx,
  where: { tenantId: string; scope: string; key: string; notBefore: Date },
): Promise<StoredResponse | null> {
  const [row] = await tx
    .select({
      requestHash: idempotencyKeys.requestHash,
      responseStatus: idempotencyKeys.responseStatus,
      responseBody: idempotencyKeys.responseBody,
    })
    .from(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.tenantId, where.tenantId),
        eq(idempotencyKeys.scope, where.scope),
        eq(idempotencyKeys.key, where.key),
        gte(idempotencyKeys.createdAt, where.notBefore),
      ),
    );
  return row ?? null;
}

/**
 * Stores a response; an expired row under the same key is replaced. Returns false when a live
 * row exists: a concurrent request with the same key committed first, and the caller must
 * roll back its own work and answer with that one.
 */
export async function storeResponse(
  tx: Tx,
  row: {
    tenantId: string;
    scope: string;
    key: string;
    requestHash: string;
    responseStatus: number;
    responseBody: unknown;
    createdAt: Date;
    expiredBefore: Date;
  },
): Promise<boolean> {
  const { expiredBefore, ...values } = row;
  const stored = await tx
    .insert(idempotencyKeys)
    .values(values)
    .onConflictDoUpdate({
      target: [idempotencyKeys.tenantId, idempotencyKeys.scope, idempotencyKeys.key],
      set: {
        requestHash: values.requestHash,
        responseStatus: values.responseStatus,
        responseBody: values.responseBody,
        createdAt: values.createdAt,
      },
      // Only an expired key may be overwritten; a live one means a concurrent twin won the race.
      setWhere: lte(idempotencyKeys.createdAt, expiredBefore),
    })
    .returning({ key: idempotencyKeys.key });
  return stored.length > 0;
}

/** Forgets the stored responses of a district made before `before`; returns how many. */
export async function deleteStoredResponsesBefore(
  tx: Tx,
  tenantId: string,
  before: Date,
): Promise<number> {
  const deleted = await tx
    .delete(idempotencyKeys)
    .where(and(eq(idempotencyKeys.tenantId, tenantId), lt(idempotencyKeys.createdAt, before)))
    .returning({ key: idempotencyKeys.key });
  return deleted.length;
}
