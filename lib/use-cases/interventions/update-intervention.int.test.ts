import { randomUUID } from "node:crypto";
import { and, eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import { auditLog, interventions, staff } from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnprocessableError,
} from "@/lib/domain/errors";
import { createInterventionSchema } from "@/lib/domain/interventions/schemas";
import { updateInterventionSchema } from "@/lib/domain/interventions/update-schema";
import type { Actor } from "@/lib/domain/policy";
import { DEMO_ACCOUNTS, DEMO_GROUPS, loadDemoActor } from "@/scripts/seed/accounts";
import { contextOf } from "@/test/support/context";
import { createIntervention } from "./create-intervention";
import { updateIntervention } from "./update-intervention";

let app: DatabaseHandle;
let specialist: Actor;
let teacher: Actor;
let cedarSpecialist: Actor;
let groupId: string;
let otherStaffId: string;

const input = (raw: unknown) => updateInterventionSchema.parse(raw);

async function current() {
  const [row] = await withTenant(app.db, specialist, (tx) =>
    tx.select().from(interventions).where(eq(interventions.id, groupId)),
  );
  if (!row) throw new Error("The group is gone");
  return row;
}

beforeAll(async () => {
  app = connect(inject("appUrl"), { max: 3 });
  specialist = await loadDemoActor(app.db, DEMO_ACCOUNTS.specialist);
  teacher = await loadDemoActor(app.db, DEMO_ACCOUNTS.teacher);
  cedarSpecialist = await loadDemoActor(app.db, DEMO_ACCOUNTS.cedarSpecialist);
  // A group of its own, starting after the demo's "today": other test files count on the demo
  // groups (and their facilitators' days) staying as the seed made them.
  if (!specialist.staffId) throw new Error("The demo specialist has no staff record");
  const created = await createIntervention(
    contextOf(app.db, specialist),
    createInterventionSchema.parse({
      name: "Math Facts Fluency (PUT test) - Tier 2",
      tier: 2,
      focusArea: "Math Facts Fluency",
      startDate: "2027-01-04",
      durationWeeks: 4,
      schedule: { days: ["TU", "TH"], startTime: "16:00", minutes: 25 },
      facilitatorIds: [specialist.staffId],
    }),
  );
  groupId = created.body.id;
  const [other] = await withTenant(app.db, specialist, (tx) =>
    tx
      .select({ id: staff.id })
      .from(staff)
      .where(and(eq(staff.tenantId, specialist.tenantId), ne(staff.id, specialist.staffId ?? "")))
      .limit(1),
  );
  if (!other) throw new Error("The demo district has one staff member only");
  otherStaffId = other.id;
});

afterAll(async () => {
  await app.close();
});

describe("updating an intervention (PUT)", () => {
  it("applies the change, bumps the version, and audits exactly what changed with the reason", async () => {
    const before = await current();
    const requestId = randomUUID();
    const updated = await updateIntervention(
      { ...contextOf(app.db, specialist), requestId },
      groupId,
      input({
        goal: "Fluent facts to 20 within 3 seconds",
        reason: "Team meeting 11/20",
        name: before.name,
      }),
      before.version,
    );
    expect(updated.version).toBe(before.version + 1);
    expect(updated.goal).toBe("Fluent facts to 20 within 3 seconds");
    const [row] = await withTenant(app.db, specialist, (tx) =>
      tx.select().from(auditLog).where(eq(auditLog.requestId, requestId)),
    );
    expect(row).toMatchObject({
      action: "intervention.updated",
      entityId: groupId,
      actorUserId: specialist.userId,
      actorRole: "specialist",
      reason: "Team meeting 11/20",
      before: { goal: before.goal },
      after: { goal: "Fluent facts to 20 within 3 seconds", version: before.version + 1 },
    });
  });

  it("answers 409 to an update based on a stale version, and writes nothing", async () => {
    const before = await current();
    await expect(
      updateIntervention(
        contextOf(app.db, specialist),
        groupId,
        input({ name: "Lost update" }),
        before.version - 1,
      ),
    ).rejects.toThrow(ConflictError);
    expect((await current()).name).toBe(before.name);
  });

  it("requires a reason to cancel", async () => {
    const before = await current();
    await expect(
      updateIntervention(
        contextOf(app.db, specialist),
        groupId,
        input({ status: "cancelled" }),
        before.version,
      ),
    ).rejects.toThrow(UnprocessableError);
  });

  it("keeps the version when nothing changes", async () => {
    const before = await current();
    const same = await updateIntervention(
      contextOf(app.db, specialist),
      groupId,
      input({ name: before.name }),
      before.version,
    );
    expect(same.version).toBe(before.version);
  });

  it("replaces the facilitators", async () => {
    const before = await current();
    const updated = await updateIntervention(
      contextOf(app.db, specialist),
      groupId,
      input({ facilitatorIds: [otherStaffId] }),
      before.version,
    );
    expect(updated.facilitatorIds).toEqual([otherStaffId]);
  });

  it("is 403 for a teacher who can see the group, and 404 for another district", async () => {
    const before = await current();
    await expect(
      updateIntervention(
        contextOf(app.db, cedarSpecialist),
        groupId,
        input({ name: "x" }),
        before.version,
      ),
    ).rejects.toThrow(NotFoundError);
    // Mr. Kim's homeroom is the phonics group (Scenario 3): he sees it, and may not edit it.
    const [phonics] = await withTenant(app.db, specialist, (tx) =>
      tx
        .select({ id: interventions.id, version: interventions.version })
        .from(interventions)
        .where(
          and(
            eq(interventions.tenantId, specialist.tenantId),
            eq(interventions.name, DEMO_GROUPS.phonics),
          ),
        ),
    );
    if (!phonics) throw new Error("No phonics group");
    await expect(
      updateIntervention(
        contextOf(app.db, teacher),
        phonics.id,
        input({ name: "x" }),
        phonics.version,
      ),
    ).rejects.toThrow(ForbiddenError);
  });
});
