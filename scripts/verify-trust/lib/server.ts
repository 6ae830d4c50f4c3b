import type { ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { listening } from "@/db/embedded";
import { type ProvisionedDatabase, provisionDatabase } from "@/db/provision";
import { now } from "@/lib/clock";
import { config, readConfig } from "@/lib/config";
import {
  type RunningWorker,
  startBackgroundWorkers,
  stopBackgroundWorkers,
} from "@/lib/integrations/workers";
import { demoToday, seedDemoData } from "@/scripts/seed";
import { ensureBuild } from "../../lib/build-fingerprint";
import { appEnvironment, spawnNext } from "../../lib/next-server";
import type { TrustEnvironment } from "../types";

/**
 * What `npm run verify:trust` starts before its checks, the way `npm start --fresh` does for the
 * end-to-end tests: a database from nothing with the demo districts, the production build (made
 * only when the sources changed, scripts/lib/build-fingerprint.ts), the background workers and
 * `next start`. Everything it starts, `stop()` stops.
 */

export interface ServerOptions {
  port: number;
  embeddedPort: number;
  dataDir: string;
  full: boolean;
}

export interface RunningApp {
  environment: TrustEnvironment;
  stop(): Promise<void>;
}

/** Something else on the port would answer the checks in the app's place: refuse to start. */
async function ensurePortFree(port: number) {
  if (await listening(port)) {
    throw new Error(`port ${port} is taken by another program: pass --port <a free one>`);
  }
}

async function waitUntilServing(baseUrl: string, next: ChildProcess, seconds: number) {
  for (let waited = 0; waited < seconds * 4; waited++) {
    if (next.exitCode !== null) throw new Error(`next start exited with ${next.exitCode}`);
    const answered = await fetch(new URL("/sign-in", baseUrl), {
      signal: AbortSignal.timeout(5000),
    }).catch(() => null);
    if (answered?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the app did not answer on ${baseUrl} within ${seconds} s`);
}

export async function startApp(options: ServerOptions): Promise<RunningApp> {
  const settings = config();
  const workDir = path.resolve(options.dataDir, "run");
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const log = createWriteStream(path.join(workDir, "server.log"));
  const say = (message: string) => log.write(`${message}\n`);

  await ensurePortFree(options.port);
  const database: ProvisionedDatabase = await provisionDatabase({
    databaseUrl: settings.DATABASE_URL,
    dataDir: options.dataDir,
    embeddedPort: options.embeddedPort,
    database: "northstar_trust",
    recreate: true,
  });
  let workers: RunningWorker[] = [];
  let next: ChildProcess | null = null;
  const stop = async () => {
    if (next && next.exitCode === null) {
      const exited = new Promise((resolve) => next?.once("exit", resolve));
      next.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (next.exitCode === null) next.kill("SIGKILL");
    }
    await stopBackgroundWorkers(workers);
    await database.stop();
    log.end();
  };
  try {
    const seeded = await seedDemoData(database.ownerUrl, {
      today: demoToday(now()),
      scale: options.full ? "full" : "small",
    });
    say(`demo data: ${JSON.stringify(seeded.summary)}`);
    // The clock is pinned (a test run): production refuses a pinned clock unless it is a demo.
    const env = appEnvironment(database.appUrl, options.dataDir, options.port, {
      NORTHSTAR_DEMO: "true",
    });
    await ensureBuild(env);
    workers = await startBackgroundWorkers({
      ownerUrl: database.ownerUrl,
      workerUrl: database.workerUrl,
      log: (message) => say(`[worker] ${message}`),
    });
    // Again: the build took minutes, in which another program may have taken the port.
    await ensurePortFree(options.port);
    next = spawnNext(env, options.port, "start", {
      stdio: ["ignore", "pipe", "pipe"],
      hostname: "127.0.0.1",
    });
    next.stdout?.pipe(log, { end: false });
    next.stderr?.pipe(log, { end: false });
    const baseUrl = `http://127.0.0.1:${options.port}`;
    await waitUntilServing(baseUrl, next, 120);
    // An answer from another server on the port, while ours failed to listen, is not ours.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    if (next.exitCode !== null)
      throw new Error(`next start exited with ${next.exitCode} (server.log)`);
    return {
      environment: {
        baseUrl,
        appDatabaseUrl: database.appUrl,
        ownerDatabaseUrl: database.ownerUrl,
        adminDatabaseUrl: database.adminUrl,
        natsUrl: settings.NATS_URL ?? "nats://127.0.0.1:4222",
        workDir,
        distDir: readConfig(env).NEXT_DIST_DIR,
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
