import { randomUUID } from "node:crypto";
import { jetstream } from "@nats-io/jetstream";
import type { NatsConnection } from "@nats-io/transport-node";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import { parkedMessages, staff } from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { now } from "@/lib/clock";
import type { Actor } from "@/lib/domain/policy";
import { DEMO_ACCOUNTS, loadDemoActor } from "@/scripts/seed/accounts";
import { connectForTest, deleteStream, uniqueNames, waitFor } from "@/test/support/nats";
import { type RunningConsumers, startConsumers } from "./consumers";
import { staffUpdatedHandler } from "./handlers";

/**
 * An event's district is its subject's (NATS permissions tie a publisher to its district's
 * subjects), and an event that names another district is parked, not applied: on the machine's
 * NATS, through the durable consumer, as the worker role.
 */

const names = uniqueNames("claims");
let app: DatabaseHandle;
let worker: DatabaseHandle;
let nats: NatsConnection;
let mapleGrove: Actor;
let cedarRidge: Actor;
let consumers: RunningConsumers;
const logs: string[] = [];

function staffEvent(sourceId: string, extra: Record<string, unknown>, data = {}) {
  return JSON.stringify({
    specversion: "1.0",
    id: randomUUID(),
    source: "/district/hr",
    type: "StaffUpdatedEvent",
    time: now().toISOString(),
    datacontenttype: "application/json",
    ...extra,
    data: { sourceId, firstName: "Claim", lastName: "Tester", active: true, ...data },
  });
}

async function publishTo(district: Actor, payload: string) {
  await jetstream(nats).publish(
    `${names.prefix}.staff.${district.tenantId}.StaffUpdatedEvent`,
    payload,
    { retries: 10 },
  );
}

async function staffIn(district: Actor, sourceId: string) {
  return withTenant(app.db, district, (tx) =>
    tx
      .select({ id: staff.id })
      .from(staff)
      .where(and(eq(staff.tenantId, district.tenantId), eq(staff.sourceId, sourceId))),
  );
}

async function parked(sourceId: string) {
  return worker.db
    .select()
    .from(parkedMessages)
    .where(sql`${parkedMessages.payload} like ${`%${sourceId}%`}`);
}

beforeAll(async () => {
  app = connect(inject("appUrl"), { max: 2 });
  worker = connect(inject("workerUrl"), { max: 2 });
  nats = await connectForTest();
  mapleGrove = await loadDemoActor(app.db, DEMO_ACCOUNTS.admin);
  cedarRidge = await loadDemoActor(app.db, DEMO_ACCOUNTS.cedarAdmin);
  consumers = startConsumers({
    workerUrl: inject("workerUrl"),
    natsUrl: "127.0.0.1:4222",
    stream: names.stream,
    subjectPrefix: names.prefix,
    durablePrefix: names.id,
    maxAttempts: 2,
    log: (line) => logs.push(line),
    handlers: [staffUpdatedHandler],
  });
  await waitFor("the consumers to listen", async () => logs.some((l) => l.includes("listening")));
});

afterAll(async () => {
  await consumers.stop();
  await deleteStream(nats, names.stream);
  await nats.close();
  await app.close();
  await worker.close();
});

describe("an inbound event's district", () => {
  it("is parked, and applied to no district, when it names another district than its subject's", async () => {
    const forged = `hr-forged-${randomUUID()}`;
    const inSource = `hr-source-${randomUUID()}`;
    // On Maple Grove's subject, about Cedar Ridge: in an extension attribute, then in the source.
    await publishTo(mapleGrove, staffEvent(forged, { districtid: cedarRidge.tenantId }));
    await publishTo(
      mapleGrove,
      staffEvent(inSource, { source: `/hr/districts/${cedarRidge.tenantId}` }),
    );
    for (const sourceId of [forged, inSource]) {
      const [row] = await waitFor(`${sourceId} to be parked`, async () => {
        const found = await parked(sourceId);
        return found.length > 0 ? found : null;
      });
      expect(row?.reason).toBe(
        `The event names district ${cedarRidge.tenantId} but arrived on a subject of district ${mapleGrove.tenantId}: a publisher may speak only for the district of its subject`,
      );
      expect(await staffIn(mapleGrove, sourceId)).toEqual([]);
      expect(await staffIn(cedarRidge, sourceId)).toEqual([]);
    }
    expect(logs.some((l) => l.includes("parked") && l.includes("names district"))).toBe(true);
  });

  it("is applied when what it names agrees with its subject, or when it names none", async () => {
    const agreeing = `hr-agreeing-${randomUUID()}`;
    const silent = `hr-silent-${randomUUID()}`;
    await publishTo(
      cedarRidge,
      staffEvent(
        agreeing,
        { districtid: cedarRidge.tenantId },
        { districtId: cedarRidge.tenantId },
      ),
    );
    await publishTo(cedarRidge, staffEvent(silent, {}));
    for (const sourceId of [agreeing, silent]) {
      await waitFor(`${sourceId} to be applied`, async () => {
        const rows = await staffIn(cedarRidge, sourceId);
        return rows.length > 0 ? rows : null;
      });
      expect(await parked(sourceId)).toEqual([]);
    }
  });
});
