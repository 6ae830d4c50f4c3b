import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type Database, type DatabaseHandle } from "@/db/client";
import { students } from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { NotFoundError } from "@/lib/domain/errors";
import {
  contextOn,
  type Demo,
  loadDemo,
  rejection,
  rolledBack,
} from "@/test/support/demo-sessions";
import { getChildProgress } from "../portal/get-child-progress";
import { getFamilyOverview } from "../portal/get-family-overview";
import { getStudentProgress } from "../progress/get-student-progress";
import { getStudentProfile } from "../students/get-student-profile";

// Issue 14, item 6: a family's and a teacher's access to a child's record outlived the child's
// leaving the district. Emma Wilson is Jennifer Wilson's daughter and on the demo teacher's roster.
let app: DatabaseHandle;
let demo: Demo;

beforeAll(async () => {
  app = connect(inject("appUrl"), { max: 2 });
  demo = await loadDemo(app);
});

afterAll(async () => {
  await app?.close();
});

/** Emma leaves the district: what a roster import does with a `tobedeleted` student. */
const emmaLeaves = (db: Database) =>
  withTenant(db, demo.actors.admin, (tx) =>
    tx
      .update(students)
      .set({ active: false })
      .where(
        and(eq(students.tenantId, demo.actors.admin.tenantId), eq(students.id, demo.student.Emma)),
      ),
  );

describe("when a student leaves the district", () => {
  it("the family no longer sees the child in the portal", () =>
    rolledBack(app, async (db) => {
      const parent = contextOn(db, demo.actors.parent);
      expect((await getFamilyOverview(parent)).map((c) => c.id)).toContain(demo.student.Emma);
      await getChildProgress(parent, demo.student.Emma);

      await emmaLeaves(db);
      expect((await getFamilyOverview(parent)).map((c) => c.id)).not.toContain(demo.student.Emma);
      expect(await rejection(getChildProgress(parent, demo.student.Emma))).toBeInstanceOf(
        NotFoundError,
      );
    }));

  it("the teacher who followed the child no longer reads the record; the team still does", () =>
    rolledBack(app, async (db) => {
      const teacher = contextOn(db, demo.actors.teacher);
      await getStudentProfile(teacher, demo.student.Emma);
      await getStudentProgress(teacher, demo.student.Emma);

      await emmaLeaves(db);
      expect(await rejection(getStudentProfile(teacher, demo.student.Emma))).toBeInstanceOf(
        NotFoundError,
      );
      expect(await rejection(getStudentProgress(teacher, demo.student.Emma))).toBeInstanceOf(
        NotFoundError,
      );
      // The record is kept for the district: the specialist and the admin still read it.
      for (const actor of [demo.actors.specialist, demo.actors.admin]) {
        const profile = await getStudentProfile(contextOn(db, actor), demo.student.Emma);
        expect(profile).toBeTruthy();
      }
    }));
});
