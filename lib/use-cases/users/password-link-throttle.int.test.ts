import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import { staffWithoutAccount } from "@/db/queries/account-candidates";
import { communications } from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { nowMs } from "@/lib/clock";
import type { Actor } from "@/lib/domain/policy";
import { DEMO_ACCOUNTS, loadDemoActor } from "@/scripts/seed/accounts";
import { contextOf } from "@/test/support/context";
import type { PublicContext } from "../context";
import { askForPasswordLink } from "./ask-for-password-link";
import { giveAccount } from "./give-account";

const SECRET = "password-link-throttle-secret-0123456789";
let app: DatabaseHandle;
let admin: Actor;

/** The form's request `minutes` from the pinned now. */
const at = (minutes: number): PublicContext => {
  const instant = new Date(nowMs() + minutes * 60_000);
  return { db: app.db, now: () => instant, requestId: "throttle-test", secret: SECRET };
};

const linksSentTo = (email: string) =>
  withTenant(app.db, admin, (tx) =>
    tx
      .select({ id: communications.id })
      .from(communications)
      .where(and(eq(communications.toAddress, email), eq(communications.kind, "password-link"))),
  );

/** Asks for a link every 11 minutes (past the one-per-ten-minutes rule), `count` times. */
async function askRepeatedly(email: string, count: number, client: string | null = null) {
  const waits: number[] = [];
  for (let i = 1; i <= count; i++)
    waits.push(await askForPasswordLink(at(i * 11), { email, client }));
  return waits;
}

beforeAll(async () => {
  app = connect(inject("appUrl"), { max: 3 });
  admin = await loadDemoActor(app.db, DEMO_ACCOUNTS.admin);
});

afterAll(() => app.close());

describe("asking for password links, counted", () => {
  it("sends an address at most three links an hour, and answers an unknown address the same", async () => {
    const [person] = await withTenant(app.db, admin, (tx) =>
      staffWithoutAccount(tx, admin.tenantId, "", 1),
    );
    if (!person?.email) throw new Error("The demo district has staff without accounts");
    await giveAccount(contextOf(app.db, admin), { staffId: person.staffId, role: "teacher" });
    const invitation = (await linksSentTo(person.email)).length;

    const known = await askRepeatedly(person.email, 5);
    expect(known.slice(0, 3)).toEqual([0, 0, 0]);
    expect(known[3]).toBeGreaterThan(0);
    // Three links, whatever the script asks: no mail bomb.
    expect(await linksSentTo(person.email)).toHaveLength(invitation + 3);

    const unknown = await askRepeatedly(`nobody-${randomUUID()}@nowhere.example`, 5);
    expect(unknown).toEqual(known);
  });

  it("pauses one client that asks for many addresses, when a trusted proxy names it", async () => {
    const client = "198.51.100.7";
    for (let i = 0; i < 30; i++) {
      const email = `spray-${i}-${randomUUID()}@nowhere.example`;
      expect(await askForPasswordLink(at(0), { email, client })).toBe(0);
    }
    const next = `spray-last-${randomUUID()}@nowhere.example`;
    expect(await askForPasswordLink(at(0), { email: next, client })).toBe(1);
    expect(await askForPasswordLink(at(0), { email: next, client: "192.0.2.1" })).toBe(0);
  });
});
