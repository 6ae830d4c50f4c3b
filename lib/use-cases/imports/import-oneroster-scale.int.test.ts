import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import { openBundle } from "@/lib/integrations/oneroster/bundle";
import { createTestDistrict, testContext } from "@/test/fixtures/oneroster/district";
import { writeLargeBundle } from "@/test/fixtures/oneroster/generate-large";
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
