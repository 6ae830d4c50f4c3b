/**
 * `npm run bench:import`: how long a OneRoster import of a district-sized bundle takes
 * (issue 3 asks for 50,000 students in well under a minute). A measurement, not a test: it
 * prints the time and the counts, on a database of its own under .data/bench-import.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { connect } from "@/db/client";
import { provisionDatabase } from "@/db/provision";
import { config } from "@/lib/config";
import { openBundle } from "@/lib/integrations/oneroster/bundle";
import { importOneRoster } from "@/lib/use-cases/imports/import-oneroster";
import { createTestDistrict, testContext } from "@/test/fixtures/oneroster/district";
import { writeLargeBundle } from "@/test/fixtures/oneroster/generate-large";

const STUDENTS = config().BENCH_IMPORT_STUDENTS;

const database = await provisionDatabase({
  dataDir: ".data/bench-import",
  embeddedPort: config().BENCH_IMPORT_PG_PORT,
  database: "northstar_bench_import",
  recreate: true,
});
const app = connect(database.appUrl, { max: 2 });
const folder = await mkdtemp(path.join(tmpdir(), "oneroster-bench-"));
try {
  await writeLargeBundle(folder, STUDENTS);
  const { admin } = await createTestDistrict(database.ownerUrl, app.db, "Large Unified");
  const bundle = await openBundle(folder);
  const started = performance.now();
  const result = await importOneRoster(testContext(app.db, admin), bundle);
  const seconds = (performance.now() - started) / 1000;
  await bundle.close();
  console.log(
    `OneRoster import of ${STUDENTS.toLocaleString("en-US")} students: ${seconds.toFixed(1)} s`,
  );
  console.log(JSON.stringify(result.summary, null, 2));
  console.log(`rejected rows: ${result.rejectedTotal}`);
} finally {
  await rm(folder, { recursive: true, force: true });
  await app.close();
  await database.stop();
}
