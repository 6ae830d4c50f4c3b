import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import { importRuns, schools, staff, students } from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { UnprocessableError } from "@/lib/domain/errors";
import { ZIP_LIMITS } from "@/lib/domain/imports/zip-limits";
import { openBundle } from "@/lib/integrations/oneroster/bundle";
import { createTestDistrict, testContext } from "@/test/fixtures/oneroster/district";
import { writeLargeBundle } from "@/test/fixtures/oneroster/generate-large";
import { zipFolder } from "@/test/fixtures/oneroster/write-zip";
import { importOneRoster } from "./import-oneroster";

/**
 * Enough students for several write batches of every kind; the 50,000-student timing lives in
 * `npm run bench:import`, since speed is measured in benchmarks, not in timed tests.
 */
const STUDENTS = 5_000;
let handle: DatabaseHandle;
let folder: string;

beforeAll(async () => {
  handle = connect(inject("appUrl"), { max: 2 });
  folder = await mkdtemp(path.join(tmpdir(), "oneroster-large-"));
  await writeLargeBundle(folder, STUDENTS);
}, 120_000);

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
  await handle.close();
});

it(`imports ${STUDENTS.toLocaleString("en-US")} students across many batches, every row accounted for`, async () => {
  const { admin } = await createTestDistrict(inject("ownerUrl"), handle.db, "Large Unified");
  const bundle = await openBundle(folder);
  const result = await importOneRoster(testContext(handle.db, admin), bundle);
  await bundle.close();
  expect(result.summary.students?.created).toBe(STUDENTS);
  expect(result.summary.guardians?.created).toBe(STUDENTS + Math.floor((STUDENTS * 2) / 3));
  expect(result.summary.enrollments?.created).toBe(STUDENTS + STUDENTS / 25);
  expect(result.rejectedTotal).toBe(0);
}, 300_000);

it("refuses a zip whose users.csv inflates past its cap half-way through, and writes nothing", async () => {
  const { admin, tenantId } = await createTestDistrict(
    inject("ownerUrl"),
    handle.db,
    "Lying Zip Unified",
  );
  // The directory claims users.csv is tiny, so only counting while inflating can catch it; the
  // cap lets the header and the first thousands of rows through, so schools, staff and students
  // are already written when the import is stopped.
  const zip = path.join(folder, "..", `${path.basename(folder)}-lying.zip`);
  await zipFolder(folder, zip, "export/", { "users.csv": 1000 });
  const bundle = await openBundle(zip, { zipLimits: { ...ZIP_LIMITS, maxEntryBytes: 1_000_000 } });
  try {
    let usersRead = 0;
    const error = await importOneRoster(testContext(handle.db, admin), bundle, {
      onProgress: ({ file, rows }) => {
        if (file === "users.csv") usersRead = rows;
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableError);
    expect((error as Error).message).toBe(
      "export/users.csv unpacks to more than 976.6 KB, the most one file of a roster may hold. Nothing was imported.",
    );
    // Thousands of users.csv rows were read, and written a batch at a time, before the refusal.
    expect(usersRead).toBeGreaterThanOrEqual(3000);
  } finally {
    await bundle.close();
    await rm(zip, { force: true });
  }
  const written = await withTenant(handle.db, admin, async (tx) => ({
    schools: (
      await tx.select({ n: count() }).from(schools).where(eq(schools.tenantId, tenantId))
    )[0]?.n,
    staff: (await tx.select({ n: count() }).from(staff).where(eq(staff.tenantId, tenantId)))[0]?.n,
    students: (
      await tx.select({ n: count() }).from(students).where(eq(students.tenantId, tenantId))
    )[0]?.n,
    runs: await tx
      .select({ status: importRuns.status })
      .from(importRuns)
      .where(eq(importRuns.tenantId, tenantId)),
  }));
  expect(written).toEqual({ schools: 0, staff: 0, students: 0, runs: [{ status: "refused" }] });
}, 120_000);
