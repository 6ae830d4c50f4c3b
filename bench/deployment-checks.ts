/**
 * What a deployment of several instances must keep true, checked after the mixed load
 * (bench/mixed-load.ts): a request repeated with one Idempotency-Key on two instances at once
 * has one effect, every event of the outbox reaches the stream once, and no scheduled job runs
 * twice at a time.
 */
import { jetstream } from "@nats-io/jetstream";
import { connect as connectNats } from "@nats-io/transport-node";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { withTenant } from "@/db/with-tenant";
import { TENANT_ID } from "./dataset-shape";
import type { NextRequest } from "./measure";

export interface IdempotencyTally {
  attempts: number;
  /** Pairs where both instances answered 2xx with the same resource. */
  sameAnswer: number;
  /** Rows and events written per key, summed: one each per attempt when honoured. */
  rows: number;
  events: number;
}

/**
 * Sends each note request to every instance at the same moment with the same key; counts the
 * notes and events written for it (by its unique observation text).
 */
export async function idempotencyAcrossInstances(
  db: Database,
  instanceUrls: readonly string[],
  cookie: string,
  requests: readonly NextRequest[],
): Promise<IdempotencyTally> {
  const tally: IdempotencyTally = { attempts: 0, sameAnswer: 0, rows: 0, events: 0 };
  for (const request of requests) {
    tally.attempts += 1;
    const answers = await Promise.all(
      instanceUrls.map(async (url) => {
        const response = await fetch(`${url}${request.path}`, {
          method: "POST",
          headers: { cookie, "content-type": "application/json", ...request.headers },
          body: request.body,
        });
        const body = (await response.json().catch(() => ({}))) as { id?: string };
        return response.ok ? (body.id ?? null) : null;
      }),
    );
    const ids = new Set(answers);
    const noteId = answers[0];
    if (noteId && ids.size === 1) tally.sameAnswer += 1;
    const { observation } = JSON.parse(request.body ?? "{}") as { observation: string };
    const [counted] = await withTenant(db, { tenantId: TENANT_ID }, (tx) =>
      tx.execute<{ rows: number; events: number }>(sql`
        select
          (select count(*)::int from intervention.progress_notes
            where tenant_id = ${TENANT_ID} and observation = ${observation}) as rows,
          (select count(*)::int from intervention.outbox
            where tenant_id = ${TENANT_ID} and type = 'ProgressNoteAddedEvent'
              and data->>'noteId' in (select id::text from intervention.progress_notes
                where tenant_id = ${TENANT_ID} and observation = ${observation})) as events`),
    );
    tally.rows += counted?.rows ?? 0;
    tally.events += counted?.events ?? 0;
  }
  return tally;
}

/** The highest feed position so far: events published after it belong to the run. */
export async function lastFeedPosition(db: Database): Promise<number> {
  const [row] = await withTenant(db, { tenantId: TENANT_ID }, (tx) =>
    tx.execute<{ last: number | null }>(
      sql`select max(feed_position)::float8 as last from intervention.outbox where tenant_id = ${TENANT_ID}`,
    ),
  );
  return row?.last ?? 0;
}

async function waitingEvents(db: Database): Promise<number> {
  const [row] = await withTenant(db, { tenantId: TENANT_ID }, (tx) =>
    tx.execute<{ n: number }>(
      sql`select count(*)::int as n from intervention.outbox
          where tenant_id = ${TENANT_ID} and feed_position is null`,
    ),
  );
  return row?.n ?? 0;
}

export interface EventTally {
  /** Outbox events the relays published during the run. */
  published: number;
  /** Outbox events still waiting once the relays had time to drain. */
  waiting: number;
  /** Messages in the stream. */
  messages: number;
  /** Messages beyond one per event id. */
  duplicates: number;
  /** Published events with no message in the stream. */
  missing: number;
  drainSeconds: number;
}

/** Pure: published ids against the event ids of the stream's messages. */
export function tallyEvents(published: readonly string[], messageIds: readonly string[]) {
  const inStream = new Set(messageIds);
  return {
    published: new Set(published).size,
    messages: messageIds.length,
    duplicates: messageIds.length - inStream.size,
    missing: published.filter((id) => !inStream.has(id)).length,
  };
}

async function streamEventIds(natsUrl: string, stream: string): Promise<string[]> {
  const nc = await connectNats({ servers: natsUrl, name: "bench-tally" });
  try {
    const consumer = await jetstream(nc).consumers.get(stream);
    const ids: string[] = [];
    for (;;) {
      const batch = await consumer.fetch({ max_messages: 1_000, expires: 2_000 });
      let received = 0;
      for await (const message of batch) {
        received += 1;
        ids.push(message.headers?.get("Nats-Msg-Id") || message.json<{ id: string }>().id);
      }
      if (received === 0) return ids;
    }
  } finally {
    await nc.close();
  }
}

/**
 * Waits (up to `drainLimitSeconds`) until the relays have published every waiting event, then
 * compares the events published after `afterPosition` with the stream's messages.
 */
export async function eventsOnce(
  db: Database,
  natsUrl: string,
  stream: string,
  afterPosition: number,
  drainLimitSeconds = 300,
): Promise<EventTally> {
  const started = performance.now();
  let waiting = await waitingEvents(db);
  while (waiting > 0 && performance.now() - started < drainLimitSeconds * 1000) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    waiting = await waitingEvents(db);
  }
  const drainSeconds = (performance.now() - started) / 1000;
  const rows = await withTenant(db, { tenantId: TENANT_ID }, (tx) =>
    tx.execute<{ id: string }>(
      sql`select id from intervention.outbox
          where tenant_id = ${TENANT_ID} and feed_position > ${afterPosition}`,
    ),
  );
  const ids = await streamEventIds(natsUrl, stream);
  return {
    ...tallyEvents(
      rows.map((r) => r.id),
      ids,
    ),
    waiting,
    drainSeconds,
  };
}

export type JobTally = {
  name: string;
  runs: number;
  /** Pairs of runs of the queue that were active at the same time. */
  overlaps: number;
  /** Cron schedules stored for the queue (one, however many runners scheduled it). */
  schedules: number;
};

/** The database's clock now, as text: the start of the window jobsOnce looks at. */
export async function databaseNow(admin: Database): Promise<string> {
  const [row] = await admin.execute<{ at: string }>(sql`select now()::text as at`);
  if (!row) throw new Error("The database did not tell its time");
  return row.at;
}

/** Jobs started since `since` (the database's clock), per queue; read as the database's admin. */
export async function jobsOnce(admin: Database, since: string): Promise<JobTally[]> {
  const rows = await admin.execute<JobTally>(sql`
    with runs as (
      select name, id, started_on, coalesce(completed_on, now()) as ended_on
      from pgboss.job where started_on >= ${since}::timestamptz
    )
    select q.name,
      (select count(*)::int from runs r where r.name = q.name) as runs,
      (select count(*)::int from runs a join runs b on a.name = b.name and a.id < b.id
        and a.started_on < b.ended_on and b.started_on < a.ended_on
        where a.name = q.name) as overlaps,
      (select count(*)::int from pgboss.schedule s where s.name = q.name) as schedules
    from pgboss.queue q order by q.name`);
  return [...rows];
}
