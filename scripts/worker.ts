/**
 * `npm run worker`: the background workers (event relay, event consumers) on their own, for a
 * deployment that runs them apart from the web servers. Any number may run at once. Connects
 * like the other scripts: DATABASE_URL, or the embedded PostgreSQL under DATA_DIR.
 */
import { provisionDatabase } from "@/db/provision";
import { startBackgroundWorkers, stopBackgroundWorkers } from "@/lib/integrations/workers";
import { databaseOptions } from "./lib/database-options";
import { databaseUrlForScript } from "./lib/running-embedded";

async function main() {
  const database = await provisionDatabase(
    databaseOptions({ databaseUrl: await databaseUrlForScript() }),
  );
  const workers = await startBackgroundWorkers({
    ownerUrl: database.ownerUrl,
    workerUrl: database.workerUrl,
    log: (message) => console.log(`[worker] ${message}`),
  });
  console.log(`Workers running: ${workers.map((w) => w.name).join(", ")}. Ctrl-C stops them.`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await stopBackgroundWorkers(workers);
    await database.stop();
    process.exit(0);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
