/**
 * `npm start`: everything a fresh clone needs to serve the app on one command — a database
 * (embedded PostgreSQL unless DATABASE_URL is set), roles, migrations, demo data once, a
 * production build when the sources changed, then `next start`.
 * `--dev` runs `next dev` instead; `--fresh` drops the database first (end-to-end tests).
 */

import { existsSync } from "node:fs";
import { type ProvisionedDatabase, provisionDatabase } from "@/db/provision";
import { clockIsPinned, initClock, now } from "@/lib/clock";
import { config } from "@/lib/config";
import { startBackgroundWorkers, stopBackgroundWorkers } from "@/lib/integrations/workers";
import { demoToday } from "@/scripts/seed";
import { seedDemoDataIfAsked } from "@/scripts/seed/ask";
import { ensureBuild } from "./lib/build-fingerprint";
import { databaseOptions, describeStartupError } from "./lib/database-options";
import { appEnvironment, spawnNext } from "./lib/next-server";

const dev = process.argv.includes("--dev");
const fresh = process.argv.includes("--fresh");

/** Demo data, the build, the workers and `next start`, on a provisioned database. */
async function serve(database: ProvisionedDatabase) {
  const settings = config();
  const { PORT: port, DATA_DIR: dataDir } = settings;
  // A local start (the embedded database) asks for the demo itself; one on DATABASE_URL does
  // only when SEED_DEMO_DATA=true says so (scripts/seed/ask.ts).
  const local = !settings.DATABASE_URL;
  const seeded = await seedDemoDataIfAsked(database.ownerUrl, settings, {
    today: demoToday(now()),
    scale: "full",
    localDefault: local,
  });
  if (seeded) {
    const why = settings.SEED_DEMO_DATA
      ? "SEED_DEMO_DATA=true"
      : "asked for by npm start on the embedded database; SEED_DEMO_DATA=false skips it";
    console.log(`Demo data (${why}): ${seeded.skipped ? "already loaded" : "loaded"}.`);
  } else console.log("Demo data: not loaded (SEED_DEMO_DATA=true asks for it).");

  // `next start` runs with NODE_ENV=production whatever the operator's was: the clock was
  // checked against the operator's environment above, so the server may honour the pin.
  const env = appEnvironment(
    database.appUrl,
    dataDir,
    port,
    clockIsPinned() ? { NORTHSTAR_DEMO: "true" } : {},
  );

  if (!dev) await ensureBuild(env);
  // The event relay and consumers run in this process, beside the web server (README, "Events").
  const workers = await startBackgroundWorkers({
    ownerUrl: database.ownerUrl,
    workerUrl: database.workerUrl,
    log: (message) => console.log(`[worker] ${message}`),
  });

  const next = spawnNext(env, port, dev ? "dev" : "start");
  return { next, workers, demo: seeded !== null };
}

async function main() {
  const started = performance.now();
  // Every setting is checked before anything starts: a wrong one stops here, named.
  const settings = config();
  initClock();
  const { PORT: port, DATA_DIR: dataDir } = settings;
  const database = await provisionDatabase(databaseOptions({ recreate: fresh }));
  console.log(
    settings.DATABASE_URL
      ? "Database: DATABASE_URL, migrations applied."
      : `Database: embedded PostgreSQL under ${dataDir}/pg, migrations applied.`,
  );

  // Until the server runs, a failure (a build error, a bad seed) must not leave the embedded
  // PostgreSQL running: the next start would find its data folder taken.
  const { next, workers, demo } = await serve(database).catch(async (error: unknown) => {
    await database.stop();
    throw error;
  });

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (next.exitCode === null) next.kill("SIGTERM");
    await stopBackgroundWorkers(workers);
    await database.stop();
    process.exit(code);
  };
  next.on("exit", (code) => void stop(code ?? 0));
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(0));

  console.log(
    `\nNorthStar Interventions is starting on http://localhost:${port} (prepared in ${((performance.now() - started) / 1000).toFixed(1)} s).` +
      (clockIsPinned()
        ? `\nThe clock is pinned (NORTHSTAR_CLOCK): it is ${now().toISOString()} here.`
        : "") +
      (demo
        ? "\nSign in as johnson@maplegrove.example with password demo-password-2025 (more in README.md).\n"
        : "\n"),
  );
}

if (!existsSync("package.json")) {
  console.error("Run npm start from the project folder.");
  process.exit(1);
}
main().catch((error) => {
  console.error(describeStartupError(error));
  process.exit(1);
});
