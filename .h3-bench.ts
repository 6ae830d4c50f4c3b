import { mkdtemp } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { connect } from "@/db/client";
import { provisionDatabase } from "@/db/provision";
import { openBundle } from "@/lib/integrations/oneroster/bundle";
import { createTestDistrict, testContext } from "@/test/fixtures/oneroster/district";
import { writeLargeBundle } from "@/test/fixtures/oneroster/generate-large";
import { importOneRoster } from "@/lib/use-cases/imports/import-oneroster";

const n = Number(process.argv[2] ?? 50000);
const db = await provisionDatabase({ dataDir: ".data/test-h3", embeddedPort: 54355, database: "h3bench" });
const folder = `/tmp/h3/large-${n}`;
if (!existsSync(folder)) { await import("node:fs/promises").then((f) => f.mkdir(folder)); await writeLargeBundle(folder, n); }
const app = connect(db.appUrl, { max: 2 });
const { admin } = await createTestDistrict(db.ownerUrl, app.db, "Bench");
const bundle = await openBundle(folder);
const t0 = performance.now();
const r = await importOneRoster(testContext(app.db, admin), bundle);
console.log("total", ((performance.now() - t0) / 1000).toFixed(1), JSON.stringify(r.summary.students));
const t1 = performance.now();
const r2 = await importOneRoster(testContext(app.db, admin), bundle);
console.log("reimport", ((performance.now() - t1) / 1000).toFixed(1), r2.unchanged);
await app.close();
await db.stop();
