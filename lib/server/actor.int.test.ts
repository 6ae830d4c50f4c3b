import { sql } from "drizzle-orm";
import { NextRequest, NextResponse } from "next/server";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { connect, type Database, type DatabaseHandle } from "@/db/client";
import { staffWithoutAccount } from "@/db/queries/account-candidates";
import { withTenant } from "@/db/with-tenant";
import { nowMs } from "@/lib/clock";
import { ForbiddenError } from "@/lib/domain/errors";
import type { Actor, Role } from "@/lib/domain/policy";
import { z } from "@/lib/domain/zod";
import { changeAccountAccess } from "@/lib/use-cases/users/change-account-access";
import { giveAccount } from "@/lib/use-cases/users/give-account";
import { DEMO_ACCOUNTS, loadDemoActor } from "@/scripts/seed/accounts";
import { contextOf } from "@/test/support/context";
import { type RoundTripCounter, startRoundTripCounter } from "@/test/support/round-trips";
import { serverAction } from "./action";
import { apiRoute } from "./route";
import { readJson } from "./route-input";

/*
 * The actor is checked inside the command's own transaction (decision 0026): one request is one
 * transaction, and an account switched off, a session ended or a role changed still counts from
 * the very next request. The routes below are the real wrapper over the real database; only
 * the session cookie (who signed in, when) is given, since no browser sends one here.
 */

const held = vi.hoisted(() => ({
  db: null as unknown as Database,
  session: null as null | { userId: string; tenantId: string; signedInAt: Date },
  statements: [] as string[],
}));
vi.mock("server-only", () => ({}));
vi.mock("./auth", () => ({ sessionIdentity: async () => held.session }));
vi.mock("./db", () => ({ requestDb: () => held.db }));

let app: DatabaseHandle;
let admin: Actor;
let counter: RoundTripCounter;
let counted: DatabaseHandle;

beforeAll(async () => {
  app = connect(inject("appUrl"), { max: 2 });
  admin = await loadDemoActor(app.db, DEMO_ACCOUNTS.admin);
  counter = await startRoundTripCounter(inject("appUrl"));
  // One connection, so the relay sees every round trip of a request in order.
  counted = connect(counter.urlFor(inject("appUrl")), {
    max: 1,
    debug: (_connection, statement) => held.statements.push(statement),
  });
  held.db = counted.db;
});

afterAll(async () => {
  await counted?.close();
  await counter?.close();
  await app?.close();
});

/** A district's read: the caller's own account row, in the handler's own transaction. */
const readOwnAccount = apiRoute(async ({ ctx }) => {
  const rows = await withTenant(ctx.db, ctx.actor, (tx) =>
    tx.execute(sql`select role from intervention.users where id = ${ctx.actor.userId}`),
  );
  return NextResponse.json({ role: rows[0]?.role, seenAs: ctx.actor.role });
});

/** A handler that opens no transaction and refuses on the role alone. */
const adminsOnly = apiRoute(async ({ ctx }) => {
  if (ctx.actor.role !== "admin") throw new ForbiddenError("Admins only.");
  return NextResponse.json({ role: ctx.actor.role });
});

/** A write that reads its body, then opens its transaction. */
const echoBody = apiRoute(async ({ ctx, request }) => {
  const body = await readJson(request, z.object({ n: z.number() }));
  await withTenant(ctx.db, ctx.actor, async () => undefined);
  return NextResponse.json({ n: body.n, seenAs: ctx.actor.role });
});

/** A form's action that opens a transaction. */
const ownRoleAction = serverAction(z.object({}), async (ctx) =>
  withTenant(ctx.db, ctx.actor, async () => ctx.actor.role),
);

const call = (route: typeof readOwnAccount) =>
  route(new NextRequest("http://northstar.test/api/v1/things"), {
    params: Promise.resolve({} as Record<string, never>),
  });

/** A fresh account of the demo district, signed in a minute ago. */
async function signedInTeacher(): Promise<{ userId: string }> {
  const [person] = await withTenant(app.db, admin, (tx) =>
    staffWithoutAccount(tx, admin.tenantId, "", 1),
  );
  if (!person) throw new Error("The demo district has staff without accounts");
  const given = await giveAccount(contextOf(app.db, admin), {
    staffId: person.staffId,
    role: "teacher",
  });
  held.session = {
    userId: given.userId,
    tenantId: admin.tenantId,
    signedInAt: new Date(nowMs() - 60_000),
  };
  return given;
}

const setAccess = (userId: string, role: Role, active: boolean) =>
  changeAccountAccess(contextOf(app.db, admin), { userId, role, active });

describe("one request", () => {
  it("is one transaction: the tenant setting and the account's check go in one round trip", async () => {
    await signedInTeacher();
    // The first request of a person this process has not read yet reads the account first;
    // the second prepares the check on the connection (its first use waits for a description).
    expect((await call(readOwnAccount)).status).toBe(200);
    expect((await call(readOwnAccount)).status).toBe(200);

    held.statements.length = 0;
    counter.reset();
    const response = await call(readOwnAccount);
    expect(await response.json()).toEqual({ role: "teacher", seenAs: "teacher" });
    const begins = held.statements.filter((statement) => /^\s*begin/i.test(statement));
    expect(begins).toHaveLength(1);
    // begin; the setting and the check; the handler's read; commit. Round trips: begin, the
    // setting and the check sent together, the handler's read, commit: each statement is
    // prepared, and described only on its first use on the connection (decision 0030); an
    // unprepared one took two. Before decision 0026 the account was read in a transaction of
    // its own: 8 statements, 12 round trips.
    expect(held.statements).toHaveLength(5);
    expect(counter.roundTrips).toBe(4);
  });

  it("of an account switched off is refused, 401, and the handler's work is not done", async () => {
    const { userId } = await signedInTeacher();
    expect((await call(readOwnAccount)).status).toBe(200);
    await setAccess(userId, "teacher", false);
    const refused = await call(readOwnAccount);
    expect(refused.status).toBe(401);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    // Pure handlers too: the check runs on its own after them.
    expect((await call(adminsOnly)).status).toBe(401);
  });

  it("of a session begun before the account was last switched off is refused; a new one is not", async () => {
    const { userId } = await signedInTeacher();
    expect((await call(readOwnAccount)).status).toBe(200);
    await setAccess(userId, "teacher", false);
    await setAccess(userId, "teacher", true);
    expect((await call(readOwnAccount)).status).toBe(401);
    held.session = { userId, tenantId: admin.tenantId, signedInAt: new Date(nowMs() + 60_000) };
    expect((await call(readOwnAccount)).status).toBe(200);
  });

  it("after a role change runs with the new role, in a handler with or without a transaction", async () => {
    const { userId } = await signedInTeacher();
    expect((await call(adminsOnly)).status).toBe(403);
    expect((await call(readOwnAccount)).status).toBe(200);

    await setAccess(userId, "admin", true);
    const promoted = await call(adminsOnly);
    expect(promoted.status).toBe(200);
    expect(await promoted.json()).toEqual({ role: "admin" });

    await setAccess(userId, "specialist", true);
    expect(await (await call(readOwnAccount)).json()).toEqual({
      role: "specialist",
      seenAs: "specialist",
    });
    expect((await call(adminsOnly)).status).toBe(403);
  });

  it("run again after a role change reads the same body again", async () => {
    const { userId } = await signedInTeacher();
    expect((await call(readOwnAccount)).status).toBe(200);
    await setAccess(userId, "specialist", true);
    const request = new NextRequest("http://northstar.test/api/v1/things", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ n: 7 }),
    });
    // As Next hands it to a route without `dynamic`: a Proxy whose `get` binds the methods.
    const asNextGivesIt = new Proxy(request, {
      get(target, property) {
        const value = Reflect.get(target, property, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const response = await echoBody(asNextGivesIt, {
      params: Promise.resolve({} as Record<string, never>),
    });
    expect(await response.json()).toEqual({ n: 7, seenAs: "specialist" });
  });
});

describe("a form's action", () => {
  it("runs as the account is now, and is refused in the form's words once it is switched off", async () => {
    const { userId } = await signedInTeacher();
    expect(await ownRoleAction({})).toEqual({ ok: true, data: "teacher" });
    await setAccess(userId, "specialist", true);
    expect(await ownRoleAction({})).toEqual({ ok: true, data: "specialist" });
    await setAccess(userId, "specialist", false);
    expect(await ownRoleAction({})).toMatchObject({
      ok: false,
      message: "Your session has ended. Sign in again; nothing was saved.",
    });
  });
});
