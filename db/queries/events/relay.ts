import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../../client";
import { outbox } from "../../schema";
import type { OutboxEvent } from "../outbox";

/**
 * The outbox as the relay sees it. An event is published exactly when its `feed_position` is set
 * (together with `published_at`); the relay keys on `feed_position is null` because the
 * `(tenant_id, feed_position)` index then finds a district's waiting rows directly.
 */

export interface ClaimedEvent extends OutboxEvent {
  attempts: number;
}

export interface ClaimOptions {
  /** Rows to hand back at most. */
  batchSize: number;
  /** Waiting rows looked at per district to pick the subjects of this batch. */
  scanPerDistrict: number;
}

/**
 * Claims waiting events for this relay, in the caller's (owner) transaction. Several relays may
 * run at once: each first takes a transaction-scoped advisory lock per (district, subject), and
 * only then locks the rows of the subjects it won (`FOR UPDATE SKIP LOCKED`). A subject therefore
 * belongs to one relay at a time, which publishes its rows in creation order; no row is
 * published by two relays, and the events of one student or intervention never overtake each other.
 */
export async function claimWaitingEvents(tx: Tx, options: ClaimOptions): Promise<ClaimedEvent[]> {
  const rows = await tx.execute<{
    tenant_id: string;
    id: string;
    type: string;
    subject: string;
    data: unknown;
    occurred_at: string | Date;
    attempts: number;
  }>(sql`
    with candidates as materialized (
      select w.tenant_id, w.subject, min(w.created_at) as first_at
      from intervention.districts d
      cross join lateral (
        select o.tenant_id, o.subject, o.created_at from intervention.outbox o
        where o.tenant_id = d.id and o.feed_position is null
        order by o.created_at, o.id
        limit ${options.scanPerDistrict}
      ) w
      group by w.tenant_id, w.subject
      order by first_at
      limit ${options.batchSize}
    ),
    won as materialized (
      select tenant_id, subject from candidates
      where pg_try_advisory_xact_lock(
        hashtextextended('intervention.outbox:' || tenant_id::text || ':' || subject, 0))
    )
    select o.tenant_id, o.id, o.type, o.subject, o.data, o.occurred_at, o.attempts
    from intervention.outbox o
    join won on won.tenant_id = o.tenant_id and won.subject = o.subject
    where o.feed_position is null
    order by o.created_at, o.id
    limit ${options.batchSize}
    for update of o skip locked`);
  return rows.map((row) => ({
    tenantId: row.tenant_id,
    id: row.id,
    type: row.type,
    subject: row.subject,
    data: row.data,
    occurredAt: new Date(row.occurred_at),
    attempts: row.attempts,
  }));
}

/**
 * Marks events published, in the order given, with the next feed positions. The positions are
 * drawn under one transaction-scoped lock held until commit, so positions become visible in
 * increasing order: a feed reader that has seen position N never later finds a smaller one.
 */
export async function markPublished(
  tx: Tx,
  events: Pick<ClaimedEvent, "tenantId" | "id">[],
): Promise<void> {
  if (events.length === 0) return;
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended('intervention.outbox_feed', 0))`,
  );
  const positions = await tx.execute<{ position: string }>(sql`
    select nextval('intervention.outbox_feed_position_seq') as position
    from generate_series(1, ${events.length}) order by position`);
  const assigned = events.map((event, index) => ({
    tenant_id: event.tenantId,
    id: event.id,
    position: positions[index]?.position,
  }));
  await tx.execute(sql`
    update intervention.outbox o
    set feed_position = v.position, published_at = clock_timestamp(), last_error = null
    from jsonb_to_recordset(${JSON.stringify(assigned)}::jsonb) as v(tenant_id uuid, id uuid, position bigint)
    where o.tenant_id = v.tenant_id and o.id = v.id`);
}

/** Remembers why an event could not be handed on; it stays waiting and is tried again. */
export async function recordPublishFailure(
  tx: Tx,
  event: Pick<ClaimedEvent, "tenantId" | "id">,
  error: string,
): Promise<void> {
  await tx
    .update(outbox)
    .set({ attempts: sql`${outbox.attempts} + 1`, lastError: error.slice(0, 2000) })
    .where(and(eq(outbox.tenantId, event.tenantId), eq(outbox.id, event.id)));
}
