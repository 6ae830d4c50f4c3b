/**
 * The resource routes as a client calls them (issue 10, points 5 and 6): the real handlers,
 * authenticated with bearer tokens, answering JSON, CSV and problem+json.
 */
import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import { interventions, resources } from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { instantAt } from "@/lib/domain/calendar/dates";
import type { Actor } from "@/lib/domain/policy";
import { createApiToken } from "@/lib/use-cases/tokens/create-api-token";
import { DEMO_ACCOUNTS, DEMO_GROUPS, loadDemoActor } from "@/scripts/seed/accounts";

vi.mock("server-only", () => ({}));
// Requests here carry bearer tokens; no session cookie is ever read.
vi.mock("@/lib/server/auth", () => ({ sessionIdentity: async () => null }));

type Handler = (request: NextRequest, segment: { params: Promise<unknown> }) => Promise<Response>;

let app: DatabaseHandle;
const tokens = {} as Record<"admin" | "specialist" | "cedarAdmin", string>;
let actors: Record<"admin" | "cedarAdmin", Actor>;
let routes: {
  resources: { GET: Handler; POST: Handler };
  resource: { GET: Handler; PUT: Handler; DELETE: Handler };
  rooms: { GET: Handler };
  utilization: { GET: Handler };
  intervention: { GET: Handler };
};

function call(
  handler: Handler,
  path: string,
  token: string,
  init: { method?: string; body?: unknown; params?: unknown; accept?: string } = {},
) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (init.body !== undefined) headers["content-type"] = "application/json";
  if (init.accept) headers.accept = init.accept;
  const request = new NextRequest(`http://localhost/api/v1${path}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return handler(request, { params: Promise.resolve(init.params ?? {}) });
}

async function resourceCount(actor: Actor): Promise<number> {
  const [row] = await withTenant(app.db, actor, (tx) =>
    tx.select({ n: count() }).from(resources).where(eq(resources.tenantId, actor.tenantId)),
  );
  return row?.n ?? 0;
}

beforeAll(async () => {
  app = connect(inject("appUrl"));
  // The request pool the handlers use (lib/server/db.ts → requestDb).
  (globalThis as { northstarDb?: unknown }).northstarDb = app.db;
  actors = {
    admin: await loadDemoActor(app.db, DEMO_ACCOUNTS.admin),
    cedarAdmin: await loadDemoActor(app.db, DEMO_ACCOUNTS.cedarAdmin),
  };
  const ctx = (actor: Actor) => ({
    db: app.db,
    actor,
    now: () => instantAt(inject("seedToday"), "09:00", actor.timeZone),
    requestId: `test-${randomUUID()}`,
  });
  tokens.admin = (
    await createApiToken(ctx(actors.admin), { name: "Resources test", role: "admin" })
  ).token;
  tokens.specialist = (
    await createApiToken(ctx(actors.admin), { name: "Resources test", role: "specialist" })
  ).token;
  tokens.cedarAdmin = (
    await createApiToken(ctx(actors.cedarAdmin), { name: "Resources test", role: "admin" })
  ).token;
  routes = {
    resources: await import("@/app/api/v1/resources/route"),
    resource: await import("@/app/api/v1/resources/[id]/route"),
    rooms: await import("@/app/api/v1/rooms/route"),
    utilization: await import("@/app/api/v1/reports/resource-utilization/route"),
    intervention: await import("@/app/api/v1/interventions/[id]/route"),
  } as unknown as typeof routes;
});

afterAll(async () => {
  await app?.close();
});

describe("/api/v1/resources", () => {
  it("creates a resource (201, Location) that the list then holds", async () => {
    const created = await call(routes.resources.POST, "/resources", tokens.admin, {
      method: "POST",
      body: {
        kind: "curriculum",
        name: "Fluency Boost licence",
        costModel: "licence",
        licenceCentsPerStudentYear: 4_500,
        quantity: 25,
      },
    });
    expect(created.status).toBe(201);
    const body = await created.json();
    expect(created.headers.get("location")).toBe(`/api/v1/resources/${body.id}`);
    expect(body).toMatchObject({ kind: "curriculum", quantity: 25, costModel: "licence" });

    const list = await call(routes.resources.GET, "/resources", tokens.specialist);
    expect(list.status).toBe(200);
    const { items } = await list.json();
    expect(items.map((r: { id: string }) => r.id)).toContain(body.id);

    const one = await call(routes.resource.GET, `/resources/${body.id}`, tokens.specialist, {
      params: { id: body.id },
    });
    expect(await one.json()).toEqual(body);
  });

  it("answers bad input with problem+json naming the fields, and writes nothing", async () => {
    const before = await resourceCount(actors.admin);
    const response = await call(routes.resources.POST, "/resources", tokens.admin, {
      method: "POST",
      body: { kind: "equipment", name: "", quantity: 0, costModel: "purchase" },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    const problem = await response.json();
    expect(problem.type).toMatch(/\/validation$/);
    expect(problem.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      "name",
      "purchaseCents",
      "quantity",
      "usefulLifeYears",
    ]);
    expect(await resourceCount(actors.admin)).toBe(before);
  });

  it("refuses a specialist's write with 403, and another district's resource with 404", async () => {
    const refused = await call(routes.resources.POST, "/resources", tokens.specialist, {
      method: "POST",
      body: { kind: "material", name: "Cards" },
    });
    expect(refused.status).toBe(403);
    const { items } = await (await call(routes.resources.GET, "/resources", tokens.admin)).json();
    const ipad = items.find((r: { name: string }) => r.name === "iPad with reading apps");
    for (const [handler, method] of [
      [routes.resource.GET, "GET"],
      [routes.resource.PUT, "PUT"],
      [routes.resource.DELETE, "DELETE"],
    ] as const) {
      const response = await call(handler, `/resources/${ipad.id}`, tokens.cedarAdmin, {
        method,
        params: { id: ipad.id },
        body: method === "PUT" ? { quantity: 1 } : undefined,
      });
      expect(response.status).toBe(404);
      expect((await response.json()).type).toMatch(/\/not-found$/);
    }
    const cedarList = await (
      await call(routes.resources.GET, "/resources", tokens.cedarAdmin)
    ).json();
    expect(cedarList.items).toEqual([]);
  });

  it("lists rooms", async () => {
    const response = await call(routes.rooms.GET, "/rooms", tokens.specialist);
    const { items } = await response.json();
    expect(items).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: "Room 104", capacity: 8 })]),
    );
  });
});

describe("budget and utilization", () => {
  it("GET /interventions/{id} carries the budget for a manager", async () => {
    const [group] = await withTenant(app.db, actors.admin, (tx) =>
      tx
        .select({ id: interventions.id })
        .from(interventions)
        .where(eq(interventions.name, DEMO_GROUPS.earlyLiteracy)),
    );
    const response = await call(
      routes.intervention.GET,
      `/interventions/${group!.id}`,
      tokens.admin,
      {
        params: { id: group!.id },
      },
    );
    const body = await response.json();
    expect(body.budget).toMatchObject({ totalCents: 49_048, sessions: 18 });
    expect(body.budget.lines.map((l: { ingredient: string }) => l.ingredient)).toEqual([
      "staff",
      "equipment",
    ]);
  });

  it("answers the utilization report as JSON, and as CSV when asked", async () => {
    const json = await call(routes.utilization.GET, "/reports/resource-utilization", tokens.admin);
    expect(json.status).toBe(200);
    const report = await json.json();
    expect(report.rows.length).toBeGreaterThan(0);
    expect(json.headers.get("cache-control")).toContain("no-store");

    for (const [path, accept] of [
      ["/reports/resource-utilization?format=csv", undefined],
      ["/reports/resource-utilization", "text/csv"],
    ] as const) {
      const csv = await call(routes.utilization.GET, path, tokens.admin, { accept });
      expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(csv.headers.get("content-disposition")).toMatch(
        /^attachment; filename="resource-utilization-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      const text = await csv.text();
      expect(text.split("\r\n")[0]).toMatch(/^School,Kind,Name,Units,Hours booked/);
      expect(text.split("\r\n").length - 2).toBe(report.rows.length);
    }

    const bad = await call(
      routes.utilization.GET,
      "/reports/resource-utilization?from=2026-11-20&to=2026-11-01",
      tokens.admin,
    );
    expect(bad.status).toBe(400);
    const forbidden = await call(
      routes.utilization.GET,
      "/reports/resource-utilization",
      tokens.specialist,
    );
    expect(forbidden.status).toBe(403);
  });
});
