import { and, asc, eq, isNull, lte, or } from "drizzle-orm";
import type { Tx } from "../../client";
import { communications } from "../../schema";
import type { CommunicationRow } from "./mailbox";

/** The mail worker's side: claiming the messages that are due and recording each attempt. */

/**
 * Messages due for delivery, locked so that two workers never send the same one; rows locked
 * by another worker are skipped rather than waited for.
 */
export async function claimDueCommunications(tx: Tx, tenantId: string, now: Date, limit: number) {
  return tx
    .select()
    .from(communications)
    .where(
      and(
        eq(communications.tenantId, tenantId),
        eq(communications.status, "queued"),
        or(isNull(communications.nextAttemptAt), lte(communications.nextAttemptAt, now)),
      ),
    )
    .orderBy(asc(communications.createdAt))
    .limit(limit)
    .for("update", { skipLocked: true });
}

export async function updateDelivery(
  tx: Tx,
  tenantId: string,
  id: string,
  values: Partial<
    Pick<CommunicationRow, "status" | "attempts" | "lastError" | "nextAttemptAt" | "sentAt">
  >,
): Promise<void> {
  await tx
    .update(communications)
    .set(values)
    .where(and(eq(communications.tenantId, tenantId), eq(communications.id, id)));
}
