import { and, eq, notInArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import { studentsTaughtBy } from "@/db/queries/people";
import { students } from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { NotFoundError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { loadDemoActor } from "@/scripts/seed/accounts";
import { testContext } from "@/test/fixtures/oneroster/district";
import { getStudentProfile } from "./get-student-profile";
import { listMyStudents } from "./list-my-students";
import { studentInterventionHistory } from "./student-intervention-history";

let handle: DatabaseHandle;
let teacher: Actor;
let specialist: Actor;
let roster: Set<string>;
let emma: string;
let sophia: string;
let outsider: string;

const ctx = (actor: Actor) => testContext(handle.db, actor);
const named = (first: string, last: string) =>
  withTenant(handle.db, specialist, async (tx) => {
    const [row] = await tx
      .select({ id: students.id })
      .from(students)
      .where(
        and(
          eq(students.tenantId, specialist.tenantId),
          eq(students.firstName, first),
          eq(students.lastName, last),
        ),
      );
    return row!.id;
  });

beforeAll(async () => {
  handle = connect(inject("appUrl"), { max: 2 });
  teacher = await loadDemoActor(handle.db, "teacher@maplegrove.example");
  specialist = await loadDemoActor(handle.db, "johnson@maplegrove.example");
  roster = new Set(
    await withTenant(handle.db, specialist, async (tx) =>
      (await studentsTaughtBy(tx, specialist.tenantId, teacher.staffId!)).map((r) => r.id),
    ),
  );
  emma = await named("Emma", "Wilson");
  sophia = await named("Sophia", "Martinez");
  // A middle-schooler: on no roster of Mr. Kim's, in no group he runs.
  outsider = await withTenant(handle.db, specialist, async (tx) => {
    const [row] = await tx
      .select({ id: students.id })
      .from(students)
      .where(
        and(
          eq(students.tenantId, specialist.tenantId),
          eq(students.grade, 7),
          notInArray(students.id, [...roster]),
        ),
      );
    return row!.id;
  });
});

afterAll(async () => {
  await handle.close();
});

describe("what a teacher sees", () => {
  it("lists only students on their own rosters who are in interventions", async () => {
    const mine = await listMyStudents(ctx(teacher));
    expect(mine.length).toBeGreaterThan(0);
    for (const student of mine) {
      expect(roster.has(student.id)).toBe(true);
      expect(student.interventions.length).toBeGreaterThan(0);
    }
    expect(mine.map((s) => s.id)).toContain(emma);
  });

  it("opens the page of a student on their roster, and nothing of another student", async () => {
    const profile = await getStudentProfile(ctx(teacher), emma);
    expect(profile.student.firstName).toBe("Emma");
    expect(profile.audience).toBe("teachers");
    expect(profile.current.length).toBeGreaterThan(0);
    expect(
      profile.current[0]?.attendance.rate === null ||
        typeof profile.current[0]?.attendance.rate === "number",
    ).toBe(true);
    expect(profile.scores.length).toBeGreaterThan(0);
    await expect(getStudentProfile(ctx(teacher), outsider)).rejects.toBeInstanceOf(NotFoundError);
    await expect(studentInterventionHistory(ctx(teacher), outsider)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe("what others see", () => {
  it("shows a parent their own child without screening scores, and not another child", async () => {
    const parent = await loadDemoActor(handle.db, "parent@maplegrove.example");
    const profile = await getStudentProfile(ctx(parent), emma);
    expect(profile.audience).toBe("family");
    expect(profile.scores).toEqual([]);
    await expect(getStudentProfile(ctx(parent), sophia)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("gives managers the whole district and another district nothing", async () => {
    const history = await studentInterventionHistory(ctx(specialist), emma);
    expect(history.interventions.length).toBeGreaterThan(0);
    expect(history.interventions[0]).toHaveProperty("schedule");
    const cedar = await loadDemoActor(handle.db, "specialist@cedarridge.example");
    await expect(getStudentProfile(ctx(cedar), emma)).rejects.toBeInstanceOf(NotFoundError);
  });
});
