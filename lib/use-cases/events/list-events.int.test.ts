import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import { ForbiddenError, ValidationError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { startRelay } from "@/lib/integrations/relay/relay";
import { DEMO_ACCOUNTS, loadDemoActor } from "@/scripts/seed/accounts";
import { contextOf } from "@/test/support/context";
import { listPublishedEvents } from "./list-events";

let app: DatabaseHandle;
let admin: Actor;
let specialist: Actor;
let cedarAdmin: Actor;

beforeAll(async () => {
  app = connect(inject("appUrl"), { max: 3 });
  admin = await loadDemoActor(app.db, DEMO_ACCOUNTS.admin);
  specialist = await loadDemoActor(app.db, DEMO_ACCOUNTS.specialist);
  cedarAdmin = await loadDemoActor(app.db, DEMO_ACCOUNTS.cedarAdmin);
  // Publish whatever the demo data and earlier tests left waiting, to the feed only.
  const relay = startRelay({
    workerUrl: inject("workerUrl"),
    batchSize: 500,
    pollMs: 20,
    log: () => {},
  });
  await relay.idle();
  await relay.stop();
});

afterAll(async () => {
  await app.close();
});

async function readAll(actor: Actor, limit: number) {
  const items = [];
  let after: string | undefined;
  for (;;) {
    const page = await listPublishedEvents(contextOf(app.db, actor), { after, limit });
    items.push(...page.items);
    after = page.nextCursor ?? undefined;
    if (!page.hasMore) return { items, after };
  }
}

describe("the published-events feed", () => {
  it("pages through a district's events once each, in feed order, as CloudEvents", async () => {
    const { items, after } = await readAll(admin, 7);
    expect(items.length).toBeGreaterThan(7);
    expect(new Set(items.map((e) => e.id)).size).toBe(items.length);
    for (const event of items) {
      expect(event).toMatchObject({
        specversion: "1.0",
        source: `/northstar/interventions/districts/${admin.tenantId}`,
        datacontenttype: "application/json",
      });
    }
    // Polling from the last cursor finds nothing new, and hands the same cursor back.
    const next = await listPublishedEvents(contextOf(app.db, admin), { after, limit: 7 });
    expect(next).toEqual({ items: [], nextCursor: after, hasMore: false });
  });

  it("never shows another district's events", async () => {
    const maple = new Set((await readAll(admin, 100)).items.map((e) => e.id));
    const cedar = (await readAll(cedarAdmin, 100)).items;
    expect(cedar.length).toBeGreaterThan(0);
    expect(cedar.some((e) => maple.has(e.id))).toBe(false);
    expect(cedar.every((e) => e.source.endsWith(cedarAdmin.tenantId))).toBe(true);
  });

  it("is for district admins only", async () => {
    await expect(listPublishedEvents(contextOf(app.db, specialist), { limit: 10 })).rejects.toThrow(
      ForbiddenError,
    );
  });

  it("refuses a cursor it did not give out", async () => {
    await expect(
      listPublishedEvents(contextOf(app.db, admin), { after: "bogus", limit: 10 }),
    ).rejects.toThrow(ValidationError);
  });
});
