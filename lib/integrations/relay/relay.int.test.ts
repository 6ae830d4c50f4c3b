import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import type { NatsConnection } from "@nats-io/transport-node";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import type { ClaimedEvent } from "@/db/queries/events/relay";
import { enqueueEvents } from "@/db/queries/outbox";
import { outbox } from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { now } from "@/lib/clock";
import type { DomainEvent } from "@/lib/domain/events";
import { studentSubject } from "@/lib/domain/events";
import { createInterventionSchema } from "@/lib/domain/interventions/schemas";
import type { Actor } from "@/lib/domain/policy";
import { createIntervention } from "@/lib/use-cases/interventions/create-intervention";
import { DEMO_ACCOUNTS, loadDemoActor } from "@/scripts/seed/accounts";
import { contextOf } from "@/test/support/context";
import { newFacilitator } from "@/test/support/facilitators";
import {
  closedPort,
  connectForTest,
  deleteStream,
  NATS_URL,
  readStream,
  type StoredMessage,
  uniqueNames,
  waitFor,
} from "@/test/support/nats";
import { type RunningRelay, relayOnce, startRelay } from "./relay";
import type { EventSink } from "./sinks";

/**
 * The relay against the machine's NATS and a real PostgreSQL: requests write the outbox as the
 * app role, the relay publishes as the worker role, and the stream is read back as a consumer would.
 */

const names = uniqueNames("relay");
let app: DatabaseHandle;
let nats: NatsConnection;
let specialist: Actor;
const relays: RunningRelay[] = [];
const children: ChildProcess[] = [];
const logs: string[] = [];

const natsSink = (url = NATS_URL) => ({
  url,
  stream: names.stream,
  subjectPrefix: names.prefix,
  duplicateWindowMs: 10 * 60_000,
  clientName: "northstar-relay-test",
});

function relay(url = NATS_URL): RunningRelay {
  const running = startRelay({
    workerUrl: inject("workerUrl"),
    nats: natsSink(url),
    batchSize: 200,
    pollMs: 20,
    maxBackoffMs: 200,
    log: (message) => logs.push(message),
  });
  relays.push(running);
  return running;
}

async function stopAll() {
  await Promise.all(relays.splice(0).map((r) => r.stop()));
}

/** A group of the test's own: a facilitator made for it, so its bookings meet no one's. */
async function createGroup(name: string) {
  const input = createInterventionSchema.parse({
    name,
    tier: 2,
    focusArea: "Reading Fluency",
    startDate: "2026-12-07",
    durationWeeks: 2,
    schedule: { days: ["MO", "WE"], startTime: "10:00", minutes: 30 },
    facilitatorIds: [await newFacilitator(app.db, specialist.tenantId)],
  });
  return (await createIntervention(contextOf(app.db, specialist), input)).body;
}

/** Outbox ids of the events about one intervention, as the app role sees them. */
async function outboxIdsFor(interventionId: string): Promise<string[]> {
  return withTenant(app.db, specialist, async (tx) => {
    const rows = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(sql`${outbox.data}->>'interventionId' = ${interventionId}`);
    return rows.map((r) => r.id);
  });
}

async function published(ids: string[]): Promise<number> {
  const rows = await withTenant(app.db, specialist, (tx) =>
    tx
      .select({ n: sql<number>`count(*)::int` })
      .from(outbox)
      .where(and(inArray(outbox.id, ids), sql`${outbox.feedPosition} is not null`)),
  );
  return rows[0]?.n ?? 0;
}

/** Fake but well-formed events about `subjects.length` students, in one transaction. */
async function enqueueMany(count: number, subjects: string[]): Promise<string[]> {
  const events: DomainEvent[] = Array.from({ length: count }, (_, index) => ({
    type: "TierEscalatedEvent",
    subject: subjects[index % subjects.length] ?? "",
    data: {
      tierChangeId: randomUUID(),
      studentId: randomUUID(),
      fromTier: 1,
      toTier: 2,
      decidedOn: `2026-12-${String((index % 28) + 1).padStart(2, "0")}`,
      interventionId: null,
    },
  }));
  return withTenant(app.db, specialist, async (tx) => {
    const before = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(isNull(outbox.feedPosition));
    await enqueueEvents(tx, specialist.tenantId, now(), events);
    const after = await tx
      .select({ id: outbox.id, createdAt: outbox.createdAt })
      .from(outbox)
      .where(isNull(outbox.feedPosition))
      .orderBy(outbox.createdAt, outbox.id);
    const old = new Set(before.map((r) => r.id));
    return after.filter((r) => !old.has(r.id)).map((r) => r.id);
  });
}

const byId = (messages: StoredMessage[]) => {
  const counts = new Map<string, number>();
  for (const m of messages) counts.set(String(m.body.id), (counts.get(String(m.body.id)) ?? 0) + 1);
  return counts;
};

beforeAll(async () => {
  app = connect(inject("appUrl"), { max: 4 });
  nats = await connectForTest();
  specialist = await loadDemoActor(app.db, DEMO_ACCOUNTS.specialist);
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await stopAll();
  await deleteStream(nats, names.stream);
  await nats.close();
  await app.close();
});

describe("the outbox relay", () => {
  it("publishes a created intervention as one CloudEvent with the expected fields", async () => {
    const running = relay();
    const group = await createGroup("Relay check - Tier 2");
    const [eventId] = await outboxIdsFor(group.id);
    expect(eventId).toBeDefined();
    await waitFor("the event to be published", async () => (await published([eventId!])) === 1);
    await running.idle();

    const messages = (await readStream(nats, names.stream)).filter((m) => m.body.id === eventId);
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(message?.subject).toBe(
      `${names.prefix}.${specialist.tenantId}.InterventionCreatedEvent`,
    );
    expect(message?.msgId).toBe(eventId);
    expect(message?.contentType).toMatch(/^application\/cloudevents\+json/);
    expect(message?.body).toMatchObject({
      specversion: "1.0",
      id: eventId,
      source: `/northstar/interventions/districts/${specialist.tenantId}`,
      type: "InterventionCreatedEvent",
      subject: `intervention/${group.id}`,
      datacontenttype: "application/json",
      data: {
        interventionId: group.id,
        name: "Relay check - Tier 2",
        tier: 2,
        focusArea: "Reading Fluency",
        startDate: "2026-12-07",
        facilitatorIds: group.facilitatorIds,
        sessionCount: group.sessionCount,
        studentIds: [],
      },
    });
    expect(Date.parse(String(message?.body.time))).not.toBeNaN();
    await stopAll();
  });

  it("puts every event in the stream exactly once when a relay is killed mid-batch", async () => {
    await stopAll();
    const subjects = Array.from({ length: 40 }, () => studentSubject(randomUUID()));
    const ids = await enqueueMany(2_000, subjects);
    const before = (await readStream(nats, names.stream)).length;

    // Node itself, not the tsx launcher: SIGKILL must hit the process that runs the relay.
    const child: ChildProcess = spawn(
      process.execPath,
      ["--import", "tsx", "test/support/relay-process.ts"],
      {
        env: {
          ...process.env,
          RELAY_WORKER_URL: inject("workerUrl"),
          RELAY_NATS_URL: NATS_URL,
          RELAY_STREAM: names.stream,
          RELAY_SUBJECT_PREFIX: names.prefix,
          RELAY_BATCH_SIZE: "1000",
        },
        stdio: "ignore",
      },
    );
    children.push(child);
    const exited = new Promise((resolve) => child.once("exit", resolve));
    // Kill it once part of its first batch is in the stream, before it can mark the batch.
    await waitFor(
      "the child relay to publish part of a batch",
      async () => {
        const info = await (await import("@nats-io/jetstream"))
          .jetstreamManager(nats)
          .then((jsm) => jsm.streams.info(names.stream));
        return info.state.messages > before + 50;
      },
      60_000,
    );
    child.kill("SIGKILL");
    await exited;

    const inStreamAfterKill = (await readStream(nats, names.stream)).length - before;
    const markedAfterKill = await published(ids);
    // The kill really happened mid-batch: some events reached the stream but were never marked.
    expect(inStreamAfterKill).toBeGreaterThan(markedAfterKill);

    relay();
    await waitFor(
      "every event to be published",
      async () => (await published(ids)) === ids.length,
      60_000,
    );

    const messages = await readStream(nats, names.stream);
    const counts = byId(messages);
    for (const id of ids) expect(counts.get(id), `event ${id}`).toBe(1);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);

    // Per subject, stream order is the order the events were enqueued in.
    const position = new Map(messages.map((m, index) => [String(m.body.id), index]));
    const enqueued = new Map(ids.map((id, index) => [id, index]));
    const bySubject = new Map<string, string[]>();
    for (const m of messages) {
      const id = String(m.body.id);
      if (!enqueued.has(id)) continue;
      const list = bySubject.get(String(m.body.subject)) ?? [];
      list.push(id);
      bySubject.set(String(m.body.subject), list);
    }
    expect(bySubject.size).toBe(subjects.length);
    for (const list of bySubject.values()) {
      const order = list.map((id) => enqueued.get(id) ?? -1);
      expect(order).toEqual([...order].sort((a, b) => a - b));
      expect(list.map((id) => position.get(id) ?? -1)).toEqual(
        [...list.map((id) => position.get(id) ?? -1)].sort((a, b) => a - b),
      );
    }
    await stopAll();
  }, 120_000);

  it("keeps requests working while NATS is unreachable and publishes everything afterwards", async () => {
    await stopAll();
    logs.length = 0;
    relay(`127.0.0.1:${await closedPort()}`);
    const group = await createGroup("Broker down - Tier 2");
    const ids = await outboxIdsFor(group.id);
    await waitFor("the relay to report the broker down", async () =>
      logs.some((line) => line.includes("cannot publish")),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await published(ids)).toBe(0);
    await stopAll();

    relay();
    await waitFor(
      "the waiting events to be published",
      async () => (await published(ids)) === ids.length,
    );
    const counts = byId(await readStream(nats, names.stream));
    for (const id of ids) expect(counts.get(id)).toBe(1);
    await stopAll();
  });

  it("publishes the event of a transaction that commits after later ones were published", async () => {
    await stopAll();
    relay();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let lateInserted: () => void = () => {};
    const inserted = new Promise<void>((resolve) => {
      lateInserted = resolve;
    });
    const late = withTenant(app.db, specialist, async (tx) => {
      await enqueueEvents(tx, specialist.tenantId, now(), [
        {
          type: "TierEscalatedEvent",
          subject: studentSubject(randomUUID()),
          data: {
            tierChangeId: randomUUID(),
            studentId: randomUUID(),
            fromTier: 2,
            toTier: 3,
            decidedOn: "2026-12-01",
            interventionId: null,
          },
        },
      ]);
      const [row] = await tx
        .select({ id: outbox.id })
        .from(outbox)
        .where(isNull(outbox.feedPosition))
        .orderBy(sql`${outbox.createdAt} desc`, sql`${outbox.id} desc`)
        .limit(1);
      lateInserted();
      await held;
      return row?.id ?? "";
    });
    await inserted;
    // A later transaction commits and is published while the first is still open.
    const group = await createGroup("Commits first - Tier 2");
    const earlyIds = await outboxIdsFor(group.id);
    await waitFor("the early event", async () => (await published(earlyIds)) === earlyIds.length);

    release();
    const lateId = await late;
    await waitFor("the late event", async () => (await published([lateId])) === 1);
    const positions = await withTenant(app.db, specialist, (tx) =>
      tx
        .select({ id: outbox.id, position: outbox.feedPosition })
        .from(outbox)
        .where(inArray(outbox.id, [lateId, ...earlyIds])),
    );
    const latePosition = positions.find((p) => p.id === lateId)?.position ?? 0;
    for (const p of positions)
      if (p.id !== lateId) expect(latePosition).toBeGreaterThan(p.position ?? 0);
    expect(byId(await readStream(nats, names.stream)).get(lateId)).toBe(1);
    await stopAll();
  });

  it("never hands one event on twice, and keeps each subject in order, with relays side by side", async () => {
    await stopAll();
    const subjects = Array.from({ length: 12 }, () => studentSubject(randomUUID()));
    const ids = await enqueueMany(600, subjects);
    const wanted = new Set(ids);
    const handedOn: ClaimedEvent[] = [];
    const recordingSink: EventSink = {
      description: "a recording sink",
      async publish(event) {
        // Yield so the relays interleave as they would on a busy machine.
        await new Promise((resolve) => setTimeout(resolve, Math.random() < 0.1 ? 2 : 0));
        if (wanted.has(event.id)) handedOn.push(event);
      },
      usable: () => true,
      close: async () => {},
    };
    const pools = Array.from({ length: 4 }, () => connect(inject("workerUrl"), { max: 1 }));
    try {
      await Promise.all(
        pools.map(async (pool) => {
          for (;;) {
            const outcome = await relayOnce(pool.db, recordingSink, 25);
            if (outcome.kind === "idle" && (await published(ids)) === ids.length) return;
          }
        }),
      );
    } finally {
      await Promise.all(pools.map((pool) => pool.close()));
    }
    expect(handedOn.map((e) => e.id).sort()).toEqual([...ids].sort());
    const enqueued = new Map(ids.map((id, index) => [id, index]));
    for (const subject of subjects) {
      const order = handedOn
        .filter((e) => e.subject === subject)
        .map((e) => enqueued.get(e.id) ?? -1);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
    const feed = await withTenant(app.db, specialist, (tx) =>
      tx
        .select({ id: outbox.id, position: outbox.feedPosition })
        .from(outbox)
        .where(inArray(outbox.id, ids)),
    );
    expect(new Set(feed.map((f) => f.position)).size).toBe(ids.length);
  }, 60_000);

  it("publishes to the feed alone when no broker is configured", async () => {
    await stopAll();
    const running = startRelay({
      workerUrl: inject("workerUrl"),
      batchSize: 50,
      pollMs: 20,
      log: () => {},
    });
    relays.push(running);
    const group = await createGroup("Feed only - Tier 2");
    const ids = await outboxIdsFor(group.id);
    const before = (await readStream(nats, names.stream)).length;
    await waitFor("feed positions", async () => (await published(ids)) === ids.length);
    expect((await readStream(nats, names.stream)).length).toBe(before);
    const rows = await withTenant(app.db, specialist, (tx) =>
      tx
        .select()
        .from(outbox)
        .where(eq(outbox.id, ids[0] ?? "")),
    );
    expect(rows[0]?.publishedAt).toBeInstanceOf(Date);
    await stopAll();
  });
});
