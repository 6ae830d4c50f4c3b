import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import {
  guardians,
  importRuns,
  schools,
  sectionStudents,
  sections,
  staff,
  studentGuardians,
  students,
} from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError, UnprocessableError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { openBundle } from "@/lib/integrations/oneroster/bundle";
import { loadDemoActor } from "@/scripts/seed/accounts";
import { createTestDistrict, testContext } from "@/test/fixtures/oneroster/district";
import { zipFolder } from "@/test/fixtures/oneroster/write-zip";
import { importOneRoster } from "./import-oneroster";

const FIXTURES = path.resolve("test/fixtures/oneroster");

let handle: DatabaseHandle;
let admin: Actor;
let tenantId: string;
let scratch: string;

beforeAll(async () => {
  handle = connect(inject("appUrl"), { max: 4 });
  ({ admin, tenantId } = await createTestDistrict(inject("ownerUrl"), handle.db, "Valley View"));
  scratch = await mkdtemp(path.join(tmpdir(), "oneroster-test-"));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
  await handle.close();
});

async function run(location: string, actor = admin) {
  const bundle = await openBundle(location);
  try {
    return await importOneRoster(testContext(handle.db, actor), bundle);
  } finally {
    await bundle.close();
  }
}

/** Row counts of every table an import writes, for "nothing changed" checks. */
async function tableCounts() {
  return withTenant(handle.db, admin, async (tx) => {
    const countOf = async (
      table: typeof schools | typeof staff | typeof students | typeof guardians | typeof sections,
    ) => (await tx.select({ n: count() }).from(table).where(eq(table.tenantId, tenantId)))[0]?.n;
    return {
      schools: await countOf(schools),
      staff: await countOf(staff),
      students: await countOf(students),
      activeStudents: (
        await tx
          .select({ n: count() })
          .from(students)
          .where(and(eq(students.tenantId, tenantId), eq(students.active, true)))
      )[0]?.n,
      guardians: await countOf(guardians),
      sections: await countOf(sections),
      links: (
        await tx
          .select({ n: count() })
          .from(studentGuardians)
          .where(eq(studentGuardians.tenantId, tenantId))
      )[0]?.n,
      rosters: (
        await tx
          .select({ n: count() })
          .from(sectionStudents)
          .where(eq(sectionStudents.tenantId, tenantId))
      )[0]?.n,
    };
  });
}

const counts = (
  created: number,
  updated: number,
  deactivated: number,
  unchanged: number,
  rejected: number,
) => ({
  created,
  updated,
  deactivated,
  unchanged,
  rejected,
});

describe("OneRoster import", () => {
  it("refuses a folder that is not OneRoster, and writes nothing", async () => {
    const before = await tableCounts();
    await expect(run(path.join(FIXTURES, "not-oneroster"))).rejects.toThrow(
      /not a OneRoster bundle: it has no manifest\.csv/,
    );
    expect(await tableCounts()).toEqual(before);
    const runs = await withTenant(handle.db, admin, (tx) =>
      tx.select().from(importRuns).where(eq(importRuns.tenantId, tenantId)),
    );
    expect(runs.map((r) => r.status)).toEqual(["refused"]);
  });

  it("refuses a bundle whose files have the wrong columns, before writing anything", async () => {
    const folder = path.join(scratch, "wrong-headers");
    await cp(path.join(FIXTURES, "valley-view"), folder, { recursive: true });
    await writeFile(path.join(folder, "users.csv"), "id,first,last\r\n1,Ana,Garcia\r\n");
    const before = await tableCounts();
    const error = await run(folder).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableError);
    expect((error as Error).message).toMatch(
      /users\.csv is not a OneRoster 1\.1 file: its header lacks sourcedId/,
    );
    expect(await tableCounts()).toEqual(before);
  });

  it("lets only a district admin import", async () => {
    const db = handle.db;
    const specialist = await loadDemoActor(db, "johnson@maplegrove.example");
    await expect(run(path.join(FIXTURES, "valley-view"), specialist)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });

  it("imports a zipped bundle: good rows land, bad rows are reported by file and line", async () => {
    const zip = path.join(scratch, "valley-view.zip");
    await zipFolder(path.join(FIXTURES, "valley-view"), zip);
    const result = await run(zip);

    expect(result.summary).toEqual({
      schools: counts(2, 0, 0, 0, 1),
      teachers: counts(3, 0, 0, 0, 0),
      students: counts(8, 0, 0, 0, 5),
      guardians: counts(8, 0, 0, 0, 1),
      guardianLinks: counts(8, 0, 0, 0, 2),
      classes: counts(4, 0, 0, 0, 1),
      enrollments: counts(13, 0, 0, 1, 3),
    });
    expect(result.unchanged).toBe(false);
    expect(result.rejected).toEqual([
      {
        file: "demographics.csv",
        line: 4,
        reason: 'birthDate "2017-02-30" is not a date (YYYY-MM-DD).',
      },
      { file: "orgs.csv", line: 5, reason: "name is empty." },
      { file: "users.csv", line: 14, reason: 'grade "PK" is not KG or 01–12.' },
      { file: "users.csv", line: 15, reason: "familyName is empty." },
      { file: "users.csv", line: 16, reason: "identifier VV0001 is used again (first on line 5)." },
      {
        file: "users.csv",
        line: 17,
        reason: "orgSourcedIds (sch-nowhere) names no school of this roster.",
      },
      { file: "users.csv", line: 18, reason: 'role "proctor" is not imported.' },
      { file: "users.csv", line: 19, reason: "The row has 10 fields; the header has 19." },
      { file: "users.csv", line: 26, reason: 'email "brown at example" is not an e-mail address.' },
      {
        file: "users.csv",
        line: 12,
        reason: "agentSourcedIds: p-7 is not a guardian of this roster.",
      },
      {
        file: "users.csv",
        line: 28,
        reason: "agentSourcedIds: s-99 is not a student of this roster.",
      },
      {
        file: "classes.csv",
        line: 6,
        reason: "schoolSourcedId sch-nowhere is not a school of this roster.",
      },
      {
        file: "enrollments.csv",
        line: 16,
        reason: "userSourcedId s-9 is not a student of this roster.",
      },
      {
        file: "enrollments.csv",
        line: 17,
        reason: 'role "aide" is not imported (student and teacher are).',
      },
      {
        file: "enrollments.csv",
        line: 18,
        reason: "classSourcedId cls-bad is not a class of this roster.",
      },
    ]);
    expect(result.rejectedTotal).toBe(15);

    const data = await withTenant(handle.db, admin, async (tx) => ({
      ana: (
        await tx
          .select()
          .from(students)
          .where(and(eq(students.tenantId, tenantId), eq(students.sourceId, "s-1")))
      )[0],
      frank: (
        await tx
          .select()
          .from(students)
          .where(and(eq(students.tenantId, tenantId), eq(students.sourceId, "s-5")))
      )[0],
      rosa: (
        await tx
          .select()
          .from(guardians)
          .where(and(eq(guardians.tenantId, tenantId), eq(guardians.sourceId, "p-1")))
      )[0],
      luis: (
        await tx
          .select()
          .from(guardians)
          .where(and(eq(guardians.tenantId, tenantId), eq(guardians.sourceId, "p-2")))
      )[0],
      elena: (
        await tx
          .select()
          .from(guardians)
          .where(and(eq(guardians.tenantId, tenantId), eq(guardians.sourceId, "p-5")))
      )[0],
      karen: (
        await tx
          .select()
          .from(guardians)
          .where(and(eq(guardians.tenantId, tenantId), eq(guardians.sourceId, "p-3")))
      )[0],
      wash: (
        await tx
          .select()
          .from(schools)
          .where(and(eq(schools.tenantId, tenantId), eq(schools.sourceId, "sch-wash")))
      )[0],
      lopez: (
        await tx
          .select()
          .from(sections)
          .where(and(eq(sections.tenantId, tenantId), eq(sections.sourceId, "cls-3a")))
      )[0],
      reading: (
        await tx
          .select()
          .from(sections)
          .where(and(eq(sections.tenantId, tenantId), eq(sections.sourceId, "cls-3b")))
      )[0],
      teacherLopez: (
        await tx
          .select()
          .from(staff)
          .where(and(eq(staff.tenantId, tenantId), eq(staff.sourceId, "t-1")))
      )[0],
    }));
    expect(data.ana).toMatchObject({
      localId: "VV0001",
      grade: 3,
      birthDate: "2017-03-14",
      active: true,
    });
    expect(data.frank?.lastName).toBe("Lee, Jr.");
    expect(data.rosa?.language).toBe("es");
    expect(data.luis?.language).toBe("es");
    expect(data.elena?.language).toBe("es");
    expect(data.karen?.language).toBe("en");
    expect(data.wash?.name).toBe("Washington Elementary, East Campus");
    expect(data.lopez?.teacherId).toBe(data.teacherLopez?.id);
    expect(data.lopez?.subject).toBe("Homeroom");
    expect(data.reading?.subject).toBe("Reading");
    // classes.csv `periods`: the bell schedule's labels for when each class meets.
    expect(data.lopez?.periods).toEqual(["1"]);
    expect(data.reading?.periods).toEqual(["2"]);
  });

  it("changes nothing when the same files are imported again", async () => {
    const before = await tableCounts();
    const result = await run(path.join(FIXTURES, "valley-view"));
    expect(result.unchanged).toBe(true);
    for (const [kind, c] of Object.entries(result.summary)) {
      expect({ kind, created: c.created, updated: c.updated, deactivated: c.deactivated }).toEqual({
        kind,
        created: 0,
        updated: 0,
        deactivated: 0,
      });
    }
    expect(result.summary.students).toEqual(counts(0, 0, 0, 8, 5));
    expect(result.summary.enrollments).toEqual(counts(0, 0, 0, 14, 3));
    expect(await tableCounts()).toEqual(before);
  });

  it("applies a delta: tobedeleted deactivates students, unlinks guardians, drops roster rows", async () => {
    const before = await tableCounts();
    const result = await run(path.join(FIXTURES, "valley-view-delta"));
    expect(result.summary.students).toEqual(counts(0, 0, 1, 0, 0));
    expect(result.summary.guardians).toEqual(counts(0, 0, 1, 0, 0));
    expect(result.summary.teachers).toEqual(counts(0, 1, 0, 0, 0));
    expect(result.summary.enrollments).toEqual(counts(0, 0, 1, 0, 0));
    expect(result.rejected).toEqual([]);
    const after = await tableCounts();
    expect(after).toEqual({
      ...before,
      activeStudents: (before.activeStudents ?? 0) - 1,
      links: (before.links ?? 0) - 1,
      rosters: (before.rosters ?? 0) - 1,
    });
  });
});
