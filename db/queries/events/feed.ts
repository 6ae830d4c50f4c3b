import { and, asc, eq, gt } from "drizzle-orm";
import type { Tx } from "../../client";
import { outbox } from "../../schema";
import type { OutboxEvent } from "../outbox";

/** The published events as the events feed reads them: by `feed_position`, set by the relay. */

export interface FeedEvent extends OutboxEvent {
  feedPosition: number;
  publishedAt: Date;
}

/** A district's published events after a feed position, in feed order (the events feed). */
export async function publishedEventsAfter(
  tx: Tx,
  tenantId: string,
  afterPosition: number,
  limit: number,
): Promise<FeedEvent[]> {
  const rows = await tx
    .select({
      tenantId: outbox.tenantId,
      id: outbox.id,
      type: outbox.type,
      subject: outbox.subject,
      data: outbox.data,
      occurredAt: outbox.occurredAt,
      feedPosition: outbox.feedPosition,
      publishedAt: outbox.publishedAt,
    })
    .from(outbox)
    .where(and(eq(outbox.tenantId, tenantId), gt(outbox.feedPosition, afterPosition)))
    .orderBy(asc(outbox.feedPosition))
    .limit(limit);
  return rows.map((row) => ({
    ...row,
    feedPosition: row.feedPosition ?? 0,
    publishedAt: row.publishedAt ?? row.occurredAt,
  }));
}
