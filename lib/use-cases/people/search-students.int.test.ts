import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import {
  interventionEnrollments,
  interventionFacilitators,
  sectionStudents,
  sections,
} from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { instantAt } from "@/lib/domain/calendar/dates";
import { ForbiddenError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { DEMO_ACCOUNTS, loadDemoActor } from "@/scripts/seed/accounts";
import type { UseCaseContext } from "../context";
import { searchStudents } from "./search-students";

let app: DatabaseHandle;
let specialist: Actor;
let teacher: Actor;
let facilitator: Actor;
let cedarSpecialist: Actor;

function ctxFor(actor: Actor): UseCaseContext {
  return {
    db: app.db,
    actor,
    now: () => instantAt(inject("seedToday"), "09:00", actor.timeZone),
    requestId: `test-${randomUUID()}`,
  };
}

const everyone = { limit: 100, offset: 0 } as const;

/** The students a staff member is connected to: their class rosters and the groups they run. */
async function connectedStudentIds(actor: Actor): Promise<Set<string>> {
  return withTenant(app.db, actor, async (tx) => {
    const roster = await tx
      .select({ id: sectionStudents.studentId })
      .from(sectionStudents)
      .innerJoin(
        sections,
        and(
          eq(sections.tenantId, sectionStudents.tenantId),
          eq(sections.id, sectionStudents.sectionId),
        ),
      )
      .where(eq(sections.teacherId, actor.staffId!));
    const groups = await tx
      .select({ id: interventionEnrollments.studentId })
      .from(interventionEnrollments)
      .innerJoin(
        interventionFacilitators,
        and(
          eq(interventionFacilitators.tenantId, interventionEnrollments.tenantId),
          eq(interventionFacilitators.interventionId, interventionEnrollments.interventionId),
        ),
      )
      .where(eq(interventionFacilitators.staffId, actor.staffId!));
    return new Set([...roster, ...groups].map((r) => r.id));
  });
}

beforeAll(async () => {
  app = connect(inject("appUrl"));
  specialist = await loadDemoActor(app.db, DEMO_ACCOUNTS.specialist);
  teacher = await loadDemoActor(app.db, DEMO_ACCOUNTS.teacher);
  facilitator = await loadDemoActor(app.db, DEMO_ACCOUNTS.facilitator);
  cedarSpecialist = await loadDemoActor(app.db, DEMO_ACCOUNTS.cedarSpecialist);
});

afterAll(async () => {
  await app?.close();
});

describe("searchStudents", () => {
  it("the specialist finds Emma Wilson by typing 'emma wil'", async () => {
    const found = await searchStudents(ctxFor(specialist), { q: "emma wil", ...everyone });
    expect(found.map((s) => `${s.firstName} ${s.lastName}`)).toContain("Emma Wilson");
    expect(found.find((s) => s.lastName === "Wilson" && s.firstName === "Emma")).toMatchObject({
      grade: 3,
      schoolName: "Maple Grove Elementary",
      currentTier: 2,
    });
    // Every word has to match somewhere in the name or student number.
    for (const s of found) {
      const text = `${s.firstName} ${s.lastName} ${s.localId}`.toLowerCase();
      expect(text).toContain("emma");
      expect(text).toContain("wil");
    }
  });

  it("the specialist searches the whole district, across schools", async () => {
    const found = await searchStudents(ctxFor(specialist), everyone);
    expect(new Set(found.map((s) => s.schoolName)).size).toBeGreaterThan(1);
  });

  it("treats LIKE wildcards typed by the user as plain characters", async () => {
    const found = await searchStudents(ctxFor(specialist), { q: "%", ...everyone });
    expect(found).toEqual([]);
  });

  it("a Cedar Ridge specialist does not find Maple Grove's Emma Wilson", async () => {
    const found = await searchStudents(ctxFor(cedarSpecialist), { q: "emma wilson", ...everyone });
    expect(found).toEqual([]);
    const all = await searchStudents(ctxFor(cedarSpecialist), everyone);
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((s) => s.schoolName === "Cedar Ridge Elementary")).toBe(true);
  });

  it("the teacher finds only students on their rosters or in their groups", async () => {
    const allowed = await connectedStudentIds(teacher);
    expect(allowed.size).toBeGreaterThan(0);
    const found = await searchStudents(ctxFor(teacher), everyone);
    expect(found.length).toBe(allowed.size);
    for (const s of found) expect(allowed.has(s.id)).toBe(true);
    expect(found.map((s) => s.firstName)).toEqual(
      expect.arrayContaining(["Emma", "Sophia", "Ava"]),
    );

    const emma = await searchStudents(ctxFor(teacher), { q: "emma wil", ...everyone });
    expect(emma.map((s) => `${s.firstName} ${s.lastName}`)).toEqual(["Emma Wilson"]);
  });

  it("the teacher does not find a student of another school by name", async () => {
    const others = (await searchStudents(ctxFor(specialist), { ...everyone, limit: 100 })).filter(
      (s) => s.schoolName !== "Maple Grove Elementary",
    );
    const someone = others[0];
    expect(someone).toBeDefined();
    const found = await searchStudents(ctxFor(teacher), {
      q: `${someone!.firstName} ${someone!.lastName}`,
      ...everyone,
    });
    expect(found.map((s) => s.id)).not.toContain(someone!.id);
  });

  it("a facilitator finds only the students of the groups they run", async () => {
    const allowed = await connectedStudentIds(facilitator);
    expect(allowed.size).toBeGreaterThan(0);
    const found = await searchStudents(ctxFor(facilitator), everyone);
    expect(new Set(found.map((s) => s.id))).toEqual(allowed);
  });

  it.each([DEMO_ACCOUNTS.parent, DEMO_ACCOUNTS.padre])(
    "a parent (%s) is refused",
    async (email) => {
      const actor = await loadDemoActor(app.db, email);
      await expect(
        searchStudents(ctxFor(actor), { q: "emma", ...everyone }),
      ).rejects.toBeInstanceOf(ForbiddenError);
    },
  );
});
