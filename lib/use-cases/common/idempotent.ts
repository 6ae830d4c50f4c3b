import type { Tx } from "@/db/client";
import { findStoredResponse, lockIdempotencyKey, storeResponse } from "@/db/queries/idempotency";
import { withTenant } from "@/db/with-tenant";
import { IdempotencyKeyReusedError } from "@/lib/domain/errors";
import type { UseCaseContext } from "../context";
import { hashRequest } from "./stable-hash";

export interface IdempotentResult<T> {
  status: number;
  body: T;
  /** True when this is the stored answer to an earlier request with the same key. */
  replayed: boolean;
}

export interface IdempotencyOptions {
  /** Names the operation; keys are scoped per operation and per user. */
  operation: string;
  key: string | null | undefined;
  request: unknown;
  windowMinutes: number;
}

class LostIdempotencyRace extends Error {}

/**
 * Runs a command in one tenant transaction, once per `Idempotency-Key`: a retry with the same
 * key and body inside the window gets the first response and writes nothing; the same key
 * with another body is refused (422). Without a key the command simply runs.
 */
export async function runIdempotent<T>(
  ctx: UseCaseContext,
  options: IdempotencyOptions,
  command: (tx: Tx) => Promise<{ status: number; body: T }>,
): Promise<IdempotentResult<T>> {
  const scope = { tenantId: ctx.actor.tenantId, userId: ctx.actor.userId };
  const { key } = options;
  if (!key) {
    const result = await withTenant(ctx.db, scope, command);
    return { ...result, replayed: false };
  }

  const now = ctx.now();
  const notBefore = new Date(now.getTime() - options.windowMinutes * 60_000);
  const where = {
    tenantId: ctx.actor.tenantId,
    scope: `${options.operation}:${ctx.actor.userId}`,
    key,
    notBefore,
  };
  const requestHash = hashRequest(options.request);

  const attempt = () =>
    withTenant(ctx.db, scope, async (tx): Promise<IdempotentResult<T>> => {
      await lockIdempotencyKey(tx, where);
      const stored = await findStoredResponse(tx, where);
      if (stored) {
        if (stored.requestHash !== requestHash) throw new IdempotencyKeyReusedError();
        return { status: stored.responseStatus, body: stored.responseBody as T, replayed: true };
      }
      const result = await command(tx);
      const saved = await storeResponse(tx, {
        tenantId: where.tenantId,
        scope: where.scope,
        key,
        requestHash,
        responseStatus: result.status,
        responseBody: result.body,
        createdAt: now,
        expiredBefore: notBefore,
      });
      if (!saved) throw new LostIdempotencyRace();
      return { ...result, replayed: false };
    });

  try {
    return await attempt();
  } catch (error) {
    // A twin request committed first; ours rolled back, so answer with what it stored.
    if (error instanceof LostIdempotencyRace) return attempt();
    throw error;
  }
}
