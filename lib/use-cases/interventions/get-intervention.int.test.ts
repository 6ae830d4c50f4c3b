import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import {
  auditLog,
  interventionEnrollments,
  interventions,
  outbox,
  schools,
  sectionStudents,
  sections,
  students,
} from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { instantAt } from "@/lib/domain/calendar/dates";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import { createInterventionSchema } from "@/lib/domain/interventions/schemas";
import type { Actor } from "@/lib/domain/policy";
import { DEMO_ACCOUNTS, DEMO_GROUPS, loadDemoActor } from "@/scripts/seed/accounts";
import type { UseCaseContext } from "../context";
import { createIntervention } from "./create-intervention";
import { enrollStudents } from "./enroll-students";
import { getIntervention, getInterventionDetail } from "./get-intervention";
import { listInterventions } from "./list-interventions";

let app: DatabaseHandle;
const actors = {} as Record<keyof typeof DEMO_ACCOUNTS, Actor>;
/** Seeded group ids by name, per district. */
const groups = {} as Record<keyof typeof DEMO_GROUPS, string>;

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

async function visibleIds(actor: Actor): Promise<string[]> {
  const { items } = await listInterventions(ctxFor(actor), { limit: 100 });
  return items.map((i) => i.id);
}

beforeAll(async () => {
  app = connect(inject("appUrl"));
  for (const [role, email] of Object.entries(DEMO_ACCOUNTS)) {
    actors[role as keyof typeof DEMO_ACCOUNTS] = await loadDemoActor(app.db, email);
  }
  const names = Object.entries(DEMO_GROUPS);
  for (const actor of [actors.specialist, actors.cedarSpecialist]) {
    const rows = await withTenant(app.db, actor, (tx) =>
      tx
        .select({ id: interventions.id, name: interventions.name })
        .from(interventions)
        .where(inArray(interventions.name, Object.values(DEMO_GROUPS))),
    );
    for (const row of rows) {
      const key = names.find(([, name]) => name === row.name)?.[0];
      if (key) groups[key as keyof typeof DEMO_GROUPS] = row.id;
    }
  }
  for (const key of Object.keys(DEMO_GROUPS)) {
    if (!groups[key as keyof typeof DEMO_GROUPS]) throw new Error(`Seeded group ${key} is missing`);
  }
});

afterAll(async () => {
  await app?.close();
});

describe("another district", () => {
  it("a Cedar Ridge specialist gets 'not found' for a Maple Grove intervention", async () => {
    const ctx = ctxFor(actors.cedarSpecialist);
    expect(await rejection(getIntervention(ctx, groups.phonics))).toBeInstanceOf(NotFoundError);
    expect(await rejection(getInterventionDetail(ctx, groups.phonics))).toBeInstanceOf(
      NotFoundError,
    );
  });

  it("a Maple Grove admin gets 'not found' for the Cedar Ridge intervention", async () => {
    const error = await rejection(getIntervention(ctxFor(actors.admin), groups.cedarRidge));
    expect(error).toBeInstanceOf(NotFoundError);
  });

  it("an id that exists nowhere answers exactly like another district's id", async () => {
    const ctx = ctxFor(actors.cedarSpecialist);
    const missing = (await rejection(getIntervention(ctx, randomUUID()))) as NotFoundError;
    const foreign = (await rejection(getIntervention(ctx, groups.phonics))) as NotFoundError;
    expect({ status: foreign.status, message: foreign.message }).toEqual({
      status: missing.status,
      message: missing.message,
    });
  });
});

describe("the specialist", () => {
  it("sees the detail of a group with its facilitator, full roster and sessions", async () => {
    const detail = await getInterventionDetail(ctxFor(actors.specialist), groups.phonics);
    expect(detail.access).toBe("manage");
    expect(detail.intervention).toMatchObject({
      name: DEMO_GROUPS.phonics,
      tier: 2,
      enrolledCount: 6,
      sessionCount: 24,
    });
    expect(detail.facilitators.map((f) => f.displayName)).toEqual(["Ms. Johnson"]);
    expect(detail.roster.map((r) => r.firstName).sort()).toEqual([
      "Ava",
      "Emma",
      "Liam",
      "Noah",
      "Olivia",
      "Sophia",
    ]);
    expect(detail.sessions).toHaveLength(24);
    // The seed's history: every session up to today was held but the latest, left to take.
    const today = inject("seedToday");
    const upToToday = detail.sessions.filter((s) => s.date <= today);
    expect(upToToday.at(-1)?.status).toBe("scheduled");
    expect(upToToday.slice(0, -1).every((s) => s.status === "held")).toBe(true);
  });

  it("lists every intervention of the district and none of Cedar Ridge's", async () => {
    const ids = await visibleIds(actors.specialist);
    expect(ids).toEqual(
      expect.arrayContaining([
        groups.phonics,
        groups.mathFacts,
        groups.intensiveReading,
        groups.middleSchool,
        groups.earlyLiteracy,
      ]),
    );
    expect(ids).not.toContain(groups.cedarRidge);
  });
});

describe("a parent", () => {
  it("gets 'not found' for a group without their child", async () => {
    const ctx = ctxFor(actors.parent);
    expect(await rejection(getIntervention(ctx, groups.mathFacts))).toBeInstanceOf(NotFoundError);
    expect(await rejection(getInterventionDetail(ctx, groups.intensiveReading))).toBeInstanceOf(
      NotFoundError,
    );
  });

  it("sees Emma's group as family, with only Emma on the roster", async () => {
    const detail = await getInterventionDetail(ctxFor(actors.parent), groups.phonics);
    expect(detail.access).toBe("family");
    expect(detail.roster.map((r) => `${r.firstName} ${r.lastName}`)).toEqual(["Emma Wilson"]);
    expect(detail.facilitators.map((f) => f.displayName)).toEqual(["Ms. Johnson"]);
  });

  it("a Spanish-speaking parent sees only Sophia in the same group", async () => {
    const detail = await getInterventionDetail(ctxFor(actors.padre), groups.phonics);
    expect(detail.access).toBe("family");
    expect(detail.roster.map((r) => `${r.firstName} ${r.lastName}`)).toEqual(["Sophia Martinez"]);
  });

  it("lists only groups their child is in", async () => {
    const ids = await visibleIds(actors.parent);
    expect(ids).toContain(groups.phonics);
    for (const other of [
      groups.mathFacts,
      groups.intensiveReading,
      groups.middleSchool,
      groups.cedarRidge,
    ]) {
      expect(ids).not.toContain(other);
    }
    for (const id of ids) {
      const detail = await getInterventionDetail(ctxFor(actors.parent), id);
      expect(detail.roster.map((r) => r.firstName)).toEqual(["Emma"]);
    }
  });
});

describe("a teacher", () => {
  it("sees a group with a student of their roster, read-only", async () => {
    const { access, intervention } = await getIntervention(ctxFor(actors.teacher), groups.phonics);
    expect(access).toBe("view");
    expect(intervention.name).toBe(DEMO_GROUPS.phonics);
  });

  it("gets 'not found' for groups without any of their students", async () => {
    const ctx = ctxFor(actors.teacher);
    for (const id of [
      groups.mathFacts,
      groups.intensiveReading,
      groups.middleSchool,
      groups.earlyLiteracy,
    ]) {
      expect(await rejection(getIntervention(ctx, id))).toBeInstanceOf(NotFoundError);
    }
  });

  it("lists exactly the groups they may open", async () => {
    const ids = await visibleIds(actors.teacher);
    expect(ids).toContain(groups.phonics);
    expect(ids).not.toContain(groups.mathFacts);
    expect(ids).not.toContain(groups.intensiveReading);
    for (const id of ids) {
      await expect(getIntervention(ctxFor(actors.teacher), id)).resolves.toMatchObject({
        access: "view",
      });
    }
  });
});

describe("a teacher in a mixed group", () => {
  it("sees only their own students on the roster, never the other children", async () => {
    const [ownPupil, otherPupil] = await withTenant(app.db, actors.specialist, async (tx) => {
      const own = await tx
        .select({ id: sectionStudents.studentId })
        .from(sectionStudents)
        .innerJoin(
          sections,
          and(
            eq(sections.tenantId, sectionStudents.tenantId),
            eq(sections.id, sectionStudents.sectionId),
          ),
        )
        .where(eq(sections.teacherId, actors.teacher.staffId!))
        .limit(1);
      const other = await tx
        .select({ id: students.id })
        .from(students)
        .innerJoin(
          schools,
          and(eq(schools.tenantId, students.tenantId), eq(schools.id, students.schoolId)),
        )
        .where(eq(schools.name, "Maple Grove Middle School"))
        .limit(1);
      return [own[0]!.id, other[0]!.id];
    });
    const { body } = await createIntervention(
      ctxFor(actors.specialist),
      createInterventionSchema.parse({
        name: `Mixed roster ${randomUUID().slice(0, 8)}`,
        tier: 2,
        focusArea: "Vocabulary",
        startDate: "2027-03-01",
        durationWeeks: 2,
        schedule: { days: ["MO"], startTime: "14:10", minutes: 20 },
        facilitatorIds: [actors.specialist.staffId],
        studentIds: [ownPupil, otherPupil],
      }),
    );
    const teacherView = await getInterventionDetail(ctxFor(actors.teacher), body.id);
    expect(teacherView.access).toBe("view");
    expect(teacherView.roster.map((r) => r.studentId)).toEqual([ownPupil]);
    const specialistView = await getInterventionDetail(ctxFor(actors.specialist), body.id);
    expect(specialistView.roster.map((r) => r.studentId).sort()).toEqual(
      [ownPupil, otherPupil].sort(),
    );
  });
});

describe("a facilitator", () => {
  it("runs their own group and cannot see others", async () => {
    const ctx = ctxFor(actors.facilitator);
    await expect(getIntervention(ctx, groups.intensiveReading)).resolves.toMatchObject({
      access: "run",
    });
    expect(await rejection(getIntervention(ctx, groups.phonics))).toBeInstanceOf(NotFoundError);
    const ids = await visibleIds(actors.facilitator);
    expect(ids).toContain(groups.intensiveReading);
    expect(ids).not.toContain(groups.phonics);
    expect(ids).not.toContain(groups.mathFacts);
  });
});

describe("enrollStudents", () => {
  let groupId: string;
  /** Four Maple Grove middle-schoolers, one per test that enrolls someone. */
  let pupils: string[];
  let cedarStudentId: string;

  async function footprint() {
    return withTenant(app.db, actors.specialist, async (tx) => {
      const count = async (table: PgTable) =>
        (await tx.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n ?? 0;
      return {
        enrollments: await count(interventionEnrollments),
        outbox: await count(outbox),
        audit: await count(auditLog),
      };
    });
  }

  beforeAll(async () => {
    // Any four middle-schoolers: the group is new, so none of them is in it yet.
    pupils = await withTenant(app.db, actors.specialist, async (tx) =>
      (
        await tx
          .select({ id: students.id })
          .from(students)
          .innerJoin(
            schools,
            and(eq(schools.tenantId, students.tenantId), eq(schools.id, students.schoolId)),
          )
          .where(eq(schools.name, "Maple Grove Middle School"))
          .orderBy(asc(students.localId))
          .limit(4)
      ).map((r) => r.id),
    );
    expect(pupils).toHaveLength(4);
    const [cedar] = await withTenant(app.db, actors.cedarSpecialist, (tx) =>
      tx.select({ id: students.id }).from(students).limit(1),
    );
    cedarStudentId = cedar!.id;

    const { body } = await createIntervention(
      ctxFor(actors.specialist),
      createInterventionSchema.parse({
        name: `Enrollment test group ${randomUUID().slice(0, 8)}`,
        tier: 2,
        focusArea: "Reading Comprehension",
        startDate: "2027-04-05",
        durationWeeks: 4,
        schedule: { days: ["TU", "TH"], startTime: "15:00", minutes: 30 },
        facilitatorIds: [actors.specialist.staffId],
        studentIds: [],
      }),
    );
    groupId = body.id;
  });

  it("adds a student: the enrollment, its event and its audit row", async () => {
    const ctx = ctxFor(actors.specialist);
    const { intervention: group } = await getIntervention(ctx, groupId);
    const before = await footprint();
    const result = await enrollStudents(ctx, groupId, { studentIds: [pupils[0]!] });
    expect(result).toEqual({
      interventionId: groupId,
      enrolledStudentIds: [pupils[0]],
      enrolledCount: group.enrolledCount + 1,
    });
    expect(await footprint()).toEqual({
      enrollments: before.enrollments + 1,
      outbox: before.outbox + 1,
      audit: before.audit + 1,
    });
    const { intervention } = await getIntervention(ctx, groupId);
    expect(intervention.enrolledCount).toBe(group.enrolledCount + 1);
    const detail = await getInterventionDetail(ctx, groupId);
    expect(detail.roster.map((r) => r.studentId)).toContain(pupils[0]);
  });

  it("refuses a student who is already enrolled (conflict) and writes nothing", async () => {
    const student = pupils[1]!;
    const ctx = ctxFor(actors.specialist);
    const enrolled = new Set(
      (await getInterventionDetail(ctx, groupId)).roster
        .filter((r) => r.isActive)
        .map((r) => r.studentId),
    );
    if (!enrolled.has(student)) await enrollStudents(ctx, groupId, { studentIds: [student] });
    const before = await footprint();
    expect(await rejection(enrollStudents(ctx, groupId, { studentIds: [student] }))).toBeInstanceOf(
      ConflictError,
    );
    expect(await footprint()).toEqual(before);
  });

  it("refuses a Cedar Ridge student as not found and writes nothing", async () => {
    const before = await footprint();
    const error = await rejection(
      enrollStudents(ctxFor(actors.specialist), groupId, { studentIds: [cedarStudentId] }),
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect(await footprint()).toEqual(before);
  });

  it("refuses the whole request when one of several students is from Cedar Ridge", async () => {
    const free = pupils[2]!;
    const before = await footprint();
    const error = await rejection(
      enrollStudents(ctxFor(actors.specialist), groupId, { studentIds: [free, cedarStudentId] }),
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect(await footprint()).toEqual(before);
  });

  it("lets a teacher who can see the group read it but not enroll (forbidden)", async () => {
    const error = await rejection(
      enrollStudents(ctxFor(actors.teacher), groups.phonics, { studentIds: [pupils[0]!] }),
    );
    expect(error).toBeInstanceOf(ForbiddenError);
  });

  it("answers 'not found' to a Cedar Ridge specialist enrolling into a Maple Grove group", async () => {
    const before = await footprint();
    const error = await rejection(
      enrollStudents(ctxFor(actors.cedarSpecialist), groupId, { studentIds: [cedarStudentId] }),
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect(await footprint()).toEqual(before);
  });

  it("a double-submitted enrollment adds the student once and the twins are conflicts", async () => {
    const student = pupils[3]!;
    const ctx = ctxFor(actors.specialist);
    // Open enough pooled connections first, so the three requests really run side by side.
    await Promise.all([1, 2, 3, 4].map(() => app.db.execute(sql`select pg_sleep(0.05)`)));
    // Three submissions at once (a double click and a retry): one enrolls, the others are told why not.
    const results = await Promise.allSettled(
      [1, 2, 3].map(() => enrollStudents(ctx, groupId, { studentIds: [student] })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refusals = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    expect(refusals).toHaveLength(2);
    for (const reason of refusals) expect(reason).toBeInstanceOf(ConflictError);
    const roster = (await getInterventionDetail(ctx, groupId)).roster;
    expect(roster.filter((r) => r.studentId === student)).toHaveLength(1);
  });
});
