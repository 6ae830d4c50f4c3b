import { randomUUID } from "node:crypto";
import { and, count, eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import { auditLog, interventionSessions, interventions, resources } from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { addDays, instantAt, weekStartOf } from "@/lib/domain/calendar/dates";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/domain/errors";
import { parseInput } from "@/lib/domain/errors/from-zod";
import type { Actor } from "@/lib/domain/policy";
import { createResourceSchema } from "@/lib/domain/scheduling/resource-schemas";
import { DEFAULT_HOURLY_STAFF_COSTS } from "@/lib/domain/scheduling/staff-cost";
import { UTILIZATION_CSV_HEADER, utilizationCsv } from "@/lib/domain/scheduling/utilization";
import { DEMO_ACCOUNTS, DEMO_GROUPS, loadDemoActor } from "@/scripts/seed/accounts";
import type { UseCaseContext } from "../context";
import { getIntervention } from "../interventions/get-intervention";
import { createResource } from "./create-resource";
import { getResource } from "./get-resource";
import { listResources } from "./list-resources";
import { listRooms } from "./list-rooms";
import { resourceUtilization } from "./resource-utilization";
import { retireResource } from "./retire-resource";
import { saveStaffCosts } from "./save-staff-costs";
import { updateResource } from "./update-resource";

let app: DatabaseHandle;
const actors = {} as Record<keyof typeof DEMO_ACCOUNTS, Actor>;

function ctxFor(actor: Actor): UseCaseContext {
  return {
    db: app.db,
    actor,
    now: () => instantAt(inject("seedToday"), "09:00", actor.timeZone),
    requestId: `test-${randomUUID()}`,
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("Expected a refusal");
}

async function resourceCount(actor: Actor): Promise<number> {
  const [row] = await withTenant(app.db, actor, (tx) =>
    tx.select({ n: count() }).from(resources).where(eq(resources.tenantId, actor.tenantId)),
  );
  return row?.n ?? 0;
}

async function groupId(name: string): Promise<string> {
  const [row] = await withTenant(app.db, actors.specialist, (tx) =>
    tx.select({ id: interventions.id }).from(interventions).where(eq(interventions.name, name)),
  );
  if (!row) throw new Error(`Seeded group ${name} is missing`);
  return row.id;
}

/** The group's sessions that are not cancelled, optionally only those dated from…to. */
async function liveSessions(id: string, from?: string, to?: string) {
  const rows = await withTenant(app.db, actors.specialist, (tx) =>
    tx
      .select({ date: interventionSessions.sessionDate, minutes: interventionSessions.minutes })
      .from(interventionSessions)
      .where(
        and(
          eq(interventionSessions.interventionId, id),
          ne(interventionSessions.status, "cancelled"),
        ),
      ),
  );
  return rows.filter((r) => (!from || r.date >= from) && (!to || r.date <= to));
}

const ipadName = "iPad with reading apps";

beforeAll(async () => {
  app = connect(inject("appUrl"));
  for (const [role, email] of Object.entries(DEMO_ACCOUNTS)) {
    actors[role as keyof typeof DEMO_ACCOUNTS] = await loadDemoActor(app.db, email);
  }
});

afterAll(async () => {
  await app?.close();
});

describe("the catalogue", () => {
  it("holds the seeded resources, which specialists may read", async () => {
    const { items } = await listResources(ctxFor(actors.specialist));
    expect(items.map((r) => r.name)).toEqual(
      expect.arrayContaining([
        "Reading Mastery Level 3",
        "Decodable readers, phonics cards",
        ipadName,
      ]),
    );
    expect(items.find((r) => r.name === ipadName)).toMatchObject({
      kind: "equipment",
      quantity: 6,
      costModel: "purchase",
      purchaseCents: 42_900,
      usefulLifeYears: 4,
      schoolName: "Maple Grove Elementary",
    });
  });

  it("is refused to teachers and facilitators", async () => {
    for (const actor of [actors.teacher, actors.facilitator]) {
      expect(await rejection(listResources(ctxFor(actor)))).toBeInstanceOf(ForbiddenError);
    }
  });

  it("lets an admin add a resource, audited, keeping only the model's cost fields", async () => {
    const ctx = ctxFor(actors.admin);
    const input = parseInput(createResourceSchema, {
      kind: "equipment",
      name: "Chromebook cart",
      quantity: 12,
      location: "Oak Hill library",
      costModel: "purchase",
      purchaseCents: 30_000,
      usefulLifeYears: 5,
      perUseCents: 99,
    });
    const created = await createResource(ctx, input);
    expect(created).toMatchObject({ name: "Chromebook cart", quantity: 12, perUseCents: null });
    expect(await getResource(ctxFor(actors.specialist), created.id)).toEqual(created);
    const audit = await withTenant(app.db, actors.admin, (tx) =>
      tx
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.entityId, created.id), eq(auditLog.requestId, ctx.requestId))),
    );
    expect(audit.map((a) => a.action)).toEqual(["resource.created"]);
  });

  it("refuses a specialist's addition", async () => {
    const input = parseInput(createResourceSchema, { kind: "material", name: "Cards" });
    expect(await rejection(createResource(ctxFor(actors.specialist), input))).toBeInstanceOf(
      ForbiddenError,
    );
  });

  it("writes nothing for bad input: a missing price, or another district's school", async () => {
    const before = await resourceCount(actors.admin);
    const missing = await rejection(
      Promise.resolve().then(() =>
        parseInput(createResourceSchema, { kind: "curriculum", name: "X", costModel: "licence" }),
      ),
    );
    expect(missing).toBeInstanceOf(ValidationError);
    expect((missing as ValidationError).errors.map((e) => e.path)).toEqual([
      "licenceCentsPerStudentYear",
    ]);
    const cedarSchool = (await listRooms(ctxFor(actors.cedarSpecialist))).items[0]?.schoolId;
    expect(cedarSchool).toBeDefined();
    const foreign = await rejection(
      createResource(
        ctxFor(actors.admin),
        parseInput(createResourceSchema, { kind: "material", name: "Y", schoolId: cedarSchool }),
      ),
    );
    expect(foreign).toBeInstanceOf(ValidationError);
    expect((foreign as ValidationError).errors).toEqual([
      { path: "schoolId", message: "Pick a school from the list." },
    ]);
    expect(await resourceCount(actors.admin)).toBe(before);
  });

  it("answers 'not found' for another district's resource, as for one that does not exist", async () => {
    const { items } = await listResources(ctxFor(actors.specialist));
    const ipad = items.find((r) => r.name === ipadName)!;
    const cedar = ctxFor(actors.cedarAdmin);
    expect(await rejection(getResource(cedar, ipad.id))).toBeInstanceOf(NotFoundError);
    expect(await rejection(updateResource(cedar, ipad.id, { quantity: 1 }))).toBeInstanceOf(
      NotFoundError,
    );
    expect(await rejection(retireResource(cedar, ipad.id))).toBeInstanceOf(NotFoundError);
    expect(await rejection(getResource(cedar, randomUUID()))).toBeInstanceOf(NotFoundError);
    expect(await rejection(getResource(cedar, "not-an-id"))).toBeInstanceOf(NotFoundError);
    expect((await listResources(ctxFor(actors.cedarSpecialist))).items).toEqual([]);
  });

  it("changes the fields sent, and refuses a pool smaller than what sessions to come hold", async () => {
    const ctx = ctxFor(actors.admin);
    const { items } = await listResources(ctx);
    const ipad = items.find((r) => r.name === ipadName)!;
    expect(await rejection(updateResource(ctx, ipad.id, { quantity: 2 }))).toBeInstanceOf(
      ConflictError,
    );
    const moved = await updateResource(ctx, ipad.id, { location: "Room 104" });
    expect(moved).toMatchObject({ location: "Room 104", quantity: 6, purchaseCents: 42_900 });
    const incomplete = await rejection(updateResource(ctx, ipad.id, { costModel: "consumable" }));
    expect(incomplete).toBeInstanceOf(ValidationError);
  });

  it("retires a resource: it leaves the list unless retired ones are asked for", async () => {
    const ctx = ctxFor(actors.admin);
    const created = await createResource(
      ctx,
      parseInput(createResourceSchema, { kind: "material", name: "Old flash cards" }),
    );
    const retired = await retireResource(ctx, created.id);
    expect(retired.retiredAt).not.toBeNull();
    expect((await listResources(ctx)).items.some((r) => r.id === created.id)).toBe(false);
    const all = await listResources(ctx, { includeRetired: true });
    expect(all.items.some((r) => r.id === created.id)).toBe(true);
  });

  it("lists the district's rooms with their school", async () => {
    const { items } = await listRooms(ctxFor(actors.specialist));
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "Room 104", schoolName: "Maple Grove Elementary" }),
        expect.objectContaining({ name: "Intervention Room", schoolName: "Oak Hill Elementary" }),
      ]),
    );
    expect(await rejection(listRooms(ctxFor(actors.teacher)))).toBeInstanceOf(ForbiddenError);
  });
});

describe("a group's budget", () => {
  it("prices the early literacy group by its ingredients", async () => {
    const id = await groupId(DEMO_GROUPS.earlyLiteracy);
    const { intervention } = await getIntervention(ctxFor(actors.specialist), id, {
      withBudget: true,
    });
    const sessions = await liveSessions(id);
    const hours = sessions.reduce((sum, s) => sum + s.minutes, 0) / 60;
    // Ms. Johnson, "Reading Specialist": the specialist rate.
    const staff = Math.round(hours * DEFAULT_HOURLY_STAFF_COSTS.specialist);
    // 4 iPads at $429 over 4 years, for the share of 1,080 school hours the sessions take.
    const ipads = Math.round((42_900 / 4) * 4 * (hours / 1080));
    const total = staff + ipads;
    expect(intervention.budget).toMatchObject({
      totalCents: total,
      sessions: sessions.length,
      perSessionCents: Math.round(total / sessions.length),
      perStudentCents:
        intervention.enrolledCount > 0 ? Math.round(total / intervention.enrolledCount) : null,
      lines: [
        { ingredient: "staff", name: "Ms. Johnson", cents: staff },
        { ingredient: "equipment", name: ipadName, cents: ipads },
      ],
    });
    // 6 weeks of Mondays, Tuesdays and Thursdays at 25 minutes: 18 sessions, 7.5 hours.
    expect(sessions).toHaveLength(18);
    expect(intervention.budget?.totalCents).toBe(48_750 + 298);
  });

  it("counts licences per student and consumables per use", async () => {
    const reading = await groupId(DEMO_GROUPS.intensiveReading);
    const { intervention } = await getIntervention(ctxFor(actors.admin), reading, {
      withBudget: true,
    });
    const licence = intervention.budget?.lines.find((l) => l.ingredient === "licence");
    expect(licence).toMatchObject({
      name: "Reading Mastery Level 3",
      cents: Math.round(9_000 * intervention.enrolledCount * (6 / 36)),
    });
    const phonics = await groupId(DEMO_GROUPS.phonics);
    const detail = await getIntervention(ctxFor(actors.admin), phonics, { withBudget: true });
    const sessions = await liveSessions(phonics);
    expect(
      detail.intervention.budget?.lines.find((l) => l.ingredient === "consumable"),
    ).toMatchObject({ name: "Decodable readers, phonics cards", cents: 35 * 4 * sessions.length });
  });

  it("follows the district's staff rates", async () => {
    const id = await groupId(DEMO_GROUPS.earlyLiteracy);
    const admin = ctxFor(actors.admin);
    await saveStaffCosts(admin, { ...DEFAULT_HOURLY_STAFF_COSTS, specialist: 7_000 });
    try {
      const { intervention } = await getIntervention(ctxFor(actors.specialist), id, {
        withBudget: true,
      });
      expect(intervention.budget?.lines[0]).toMatchObject({ ingredient: "staff", cents: 52_500 });
    } finally {
      await saveStaffCosts(admin, DEFAULT_HOURLY_STAFF_COSTS);
    }
    expect(
      await rejection(saveStaffCosts(ctxFor(actors.specialist), DEFAULT_HOURLY_STAFF_COSTS)),
    ).toBeInstanceOf(ForbiddenError);
  });

  it("is shown only to those who manage the group", async () => {
    const reading = await groupId(DEMO_GROUPS.intensiveReading);
    const { access, intervention } = await getIntervention(ctxFor(actors.facilitator), reading, {
      withBudget: true,
    });
    expect(access).toBe("run");
    expect(intervention.budget).toBeNull();
  });
});

describe("resource utilization", () => {
  it("sets hours booked against hours available per room and resource", async () => {
    const id = await groupId(DEMO_GROUPS.earlyLiteracy);
    // Two whole weeks from the Monday of the group's first session: the seed's start day moves
    // with the clock, and a start in the summer meets first when school starts again.
    const [first] = (await liveSessions(id)).map((s) => s.date).sort();
    const from = weekStartOf(first as string);
    const to = addDays(from, 13);
    const report = await resourceUtilization(ctxFor(actors.admin), { from, to });
    expect(report).toMatchObject({ from, to });
    const sessions = await liveSessions(id, from, to);
    const ipads = report.rows.find((r) => r.name === ipadName)!;
    const booked = (sessions.reduce((sum, s) => sum + s.minutes, 0) / 60) * 4;
    expect(ipads).toMatchObject({
      kind: "equipment",
      units: 6,
      hoursBooked: Math.round(booked * 100) / 100,
      hoursAvailable: report.instructionalDays * 6 * 6,
      peakUnits: 4,
      idle: false,
    });
    // One row per week with school in it (a week of spring break has none), adding up.
    expect(ipads.weeks.length).toBeGreaterThan(0);
    expect(ipads.weeks.length).toBeLessThanOrEqual(2);
    for (const week of ipads.weeks) {
      expect([from, addDays(from, 7)]).toContain(week.weekStart);
      expect(week.hoursAvailable).toBeGreaterThan(0);
    }
    expect(ipads.weeks.reduce((sum, w) => sum + w.hoursAvailable, 0)).toBe(ipads.hoursAvailable);
    expect(report.rows.find((r) => r.name === "Fraction tiles classroom set")).toMatchObject({
      idle: true,
      hoursBooked: 0,
    });
    const room104 = report.rows.find(
      (r) =>
        r.kind === "room" && r.name === "Room 104" && r.schoolName === "Maple Grove Elementary",
    );
    expect(room104?.hoursBooked).toBeGreaterThan(0);
    expect(room104?.peakUnits).toBe(1);
    const csv = utilizationCsv(report.rows);
    expect(csv.split("\r\n")[0]).toBe(UTILIZATION_CSV_HEADER.join(","));
    expect(csv).toContain(`District-wide,curriculum,Reading Mastery Level 3,30,`);
  });

  it("narrows to a school, keeping district-wide pools", async () => {
    const report = await resourceUtilization(ctxFor(actors.admin), {});
    const oakHill = report.schools.find((s) => s.name === "Oak Hill Elementary")!;
    const narrowed = await resourceUtilization(ctxFor(actors.admin), { schoolId: oakHill.id });
    expect(new Set(narrowed.rows.map((r) => r.schoolName))).toEqual(
      new Set(["Oak Hill Elementary", "District-wide"]),
    );
    expect(
      await rejection(resourceUtilization(ctxFor(actors.admin), { schoolId: randomUUID() })),
    ).toBeInstanceOf(NotFoundError);
  });

  it("is for admins, and shows each district only its own", async () => {
    expect(await rejection(resourceUtilization(ctxFor(actors.specialist), {}))).toBeInstanceOf(
      ForbiddenError,
    );
    const cedar = await resourceUtilization(ctxFor(actors.cedarAdmin), {});
    const mapleIds = (await listResources(ctxFor(actors.admin))).items.map((r) => r.id);
    expect(cedar.rows.some((r) => mapleIds.includes(r.id))).toBe(false);
    const rooms = cedar.rows.filter((r) => r.kind === "room").map((r) => r.id);
    const mapleRooms = (await listRooms(ctxFor(actors.specialist))).items.map((r) => r.id);
    expect(rooms.some((id) => mapleRooms.includes(id))).toBe(false);
  });
});
