/**
 * Relay and broker (issue 14, "Prove"): events are written to the outbox as the use-cases write
 * them (enqueueEvents, in tenant transactions as the app role) while the outbox relay publishes
 * them to a NATS JetStream server of the check's own; the server is killed part-way and started
 * again after the outage. Once the relay has drained the outbox, a durable JetStream consumer
 * reads the stream as another service would and applies each event through the inbox
 * (recordInboxEvent), so the figures are: events lost, events applied twice, copies delivered.
 */
import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import path from "node:path";
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager } from "@nats-io/jetstream";
import { connect as connectNats, type NatsConnection } from "@nats-io/transport-node";
import { sql } from "drizzle-orm";
import { connect, type Database } from "@/db/client";
import { recordInboxEvent } from "@/db/queries/events/inbox";
import { enqueueEvents } from "@/db/queries/outbox";
import { withTenant } from "@/db/with-tenant";
import { now } from "@/lib/clock";
import { config } from "@/lib/config";
import type { DomainEvent } from "@/lib/domain/events";
import { startRelay } from "@/lib/integrations/relay/relay";
import type { CloudEvent } from "@/lib/use-cases/events/cloud-event";
import { DEMO_ACCOUNTS, loadDemoActor } from "@/scripts/seed/accounts";
import { startPrivateNats } from "../lib/broker-nats";
import { brokerRows, tallyDeliveries } from "../lib/broker-tally";
import { createScratchDatabase } from "../lib/scratch-database";
import type { TrustCheck } from "../types";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const BATCH = 50;

interface Run {
  id: string;
  tenantId: string;
  stream: string;
  prefix: string;
}

/** Events of this run, told apart from the demo's by their subject. */
const subjectOf = (run: Run, n: number) => `verify-trust/${run.id}/${n}`;

function probe(run: Run, n: number): DomainEvent {
  return {
    type: "ProgressNoteAddedEvent",
    subject: subjectOf(run, n),
    data: {
      noteId: randomUUID(),
      interventionId: randomUUID(),
      studentId: randomUUID(),
      noteDate: "2026-01-05",
      progressRating: "expected",
      visibility: "team",
    },
  };
}

/** Writes events `from`..`to` in transactions of BATCH, spread evenly over `spreadMs`. */
async function writeEvents(app: Database, run: Run, from: number, to: number, spreadMs: number) {
  const batches = Math.ceil((to - from) / BATCH);
  for (let b = 0; b < batches; b++) {
    const first = from + b * BATCH;
    const events = Array.from({ length: Math.min(BATCH, to - first) }, (_, i) =>
      probe(run, first + i),
    );
    await withTenant(app, { tenantId: run.tenantId }, (tx) =>
      enqueueEvents(tx, run.tenantId, now(), events),
    );
    if (spreadMs > 0) await pause(spreadMs / batches);
  }
}

/** The run's outbox rows: their ids, and how many still wait for the relay. */
async function outboxOf(owner: Database, run: Run) {
  return withTenant(owner, { tenantId: run.tenantId }, async (tx) => {
    const rows = await tx.execute<{ id: string; waiting: boolean }>(
      sql`select id::text as id, published_at is null as waiting from intervention.outbox
           where subject like ${`verify-trust/${run.id}/%`}`,
    );
    return { ids: rows.map((r) => r.id), waiting: rows.filter((r) => r.waiting).length };
  });
}

async function waitForDrain(owner: Database, run: Run, timeoutMs: number): Promise<number> {
  const started = performance.now();
  while ((await outboxOf(owner, run)).waiting > 0) {
    if (performance.now() - started > timeoutMs) throw new Error("The relay did not drain");
    await pause(200);
  }
  return (performance.now() - started) / 1000;
}

/** A durable consumer that applies each message through the inbox, as consumers do. */
async function consume(nc: NatsConnection, owner: Database, run: Run, expected: number) {
  const durable = `verify-trust-${run.id}`;
  await (await jetstreamManager(nc)).consumers.add(run.stream, {
    durable_name: durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    filter_subject: `${run.prefix}.>`,
  });
  const consumer = await jetstream(nc).consumers.get(run.stream, durable);
  const deliveries: string[] = [];
  // Read until the stream has nothing more to give, even past the count expected (copies).
  for (let quiet = 0; quiet < 2; ) {
    const batch = await consumer.fetch({
      max_messages: 500,
      expires: deliveries.length >= expected ? 1_000 : 5_000,
    });
    let received = 0;
    for await (const message of batch) {
      received += 1;
      const event = message.json<CloudEvent>();
      if (event.subject.startsWith(`verify-trust/${run.id}/`)) {
        deliveries.push(event.id);
        await withTenant(owner, { tenantId: run.tenantId }, (tx) =>
          recordInboxEvent(tx, {
            tenantId: run.tenantId,
            eventId: event.id,
            type: event.type,
            source: event.source,
          }),
        );
      }
      message.ack();
    }
    quiet = received === 0 ? quiet + 1 : 0;
  }
  const effects = await withTenant(owner, { tenantId: run.tenantId }, (tx) =>
    tx.execute<{ event_id: string }>(
      sql`select event_id from intervention.inbox_events where tenant_id = ${run.tenantId}`,
    ),
  );
  return { deliveries, effects: effects.map((e) => e.event_id) };
}

const broker: TrustCheck = {
  name: "broker",
  async run(environment, options) {
    const total = options.full ? 10_000 : 500;
    const outageMs = options.full ? 60_000 : 5_000;
    const id = randomUUID().slice(0, 8);
    const scratch = await createScratchDatabase(environment, "broker", { seed: true });
    const storeDir = path.join(environment.workDir, `broker-nats-${id}`);
    const nats = await startPrivateNats(storeDir);
    const app = connect(scratch.appUrl, { max: 2 });
    const owner = connect(scratch.ownerUrl, { max: 2 });
    const logs: string[] = [];
    const relay = startRelay({
      workerUrl: scratch.workerUrl,
      nats: {
        url: nats.url,
        stream: `VERIFY_TRUST_${id.toUpperCase()}`,
        subjectPrefix: `verifytrust.${id}`,
        duplicateWindowMs: 10 * 60_000,
        clientName: "northstar-verify-trust-relay",
      },
      batchSize: config().RELAY_BATCH_SIZE,
      pollMs: 20,
      // A short ceiling, so the drain after the restart is measured in seconds, not backoff.
      maxBackoffMs: 2_000,
      log: (message) => logs.push(message),
    });
    let consumerConnection: NatsConnection | null = null;
    try {
      const actor = await loadDemoActor(app.db, DEMO_ACCOUNTS.specialist);
      const run: Run = {
        id,
        tenantId: actor.tenantId,
        stream: `VERIFY_TRUST_${id.toUpperCase()}`,
        prefix: `verifytrust.${id}`,
      };
      const before = Math.floor(total / 5);
      const during = Math.floor((total * 3) / 5);
      await writeEvents(app.db, run, 0, before, 1_000);
      await nats.kill();
      await writeEvents(app.db, run, before, before + during, outageMs);
      const heldAtRestart = (await outboxOf(owner.db, run)).waiting;
      await nats.start();
      await writeEvents(app.db, run, before + during, total, 0);
      const drainSeconds = await waitForDrain(owner.db, run, options.full ? 300_000 : 60_000);
      consumerConnection = await connectNats({ servers: nats.url, name: "verify-trust-consumer" });
      const written = (await outboxOf(owner.db, run)).ids;
      const { deliveries, effects } = await consume(
        consumerConnection,
        owner.db,
        run,
        written.length,
      );
      return brokerRows(tallyDeliveries(written, deliveries, effects), {
        seconds: outageMs / 1000,
        writtenDuring: during,
        heldAtRestart,
        drainSeconds: Math.round(drainSeconds),
      });
    } finally {
      await consumerConnection?.close();
      await relay.stop();
      await nats.kill();
      await app.close();
      await owner.close();
      await scratch.drop();
      await rm(storeDir, { recursive: true, force: true });
    }
  },
};

export default broker;
