/**
 * A deployment of N app instances for the mixed load (bench/mixed-load.ts), as a district runs
 * one (docs/architecture.md, "Running N instances"): N `next start` servers and N worker
 * processes (`npm run worker`: event relay, consumers, job runner) against one PostgreSQL and one
 * NATS JetStream server of the benchmark's own, and with more than one instance a round-robin
 * proxy on one port in front of the servers.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { rm } from "node:fs/promises";
import path from "node:path";
import { spawnNext } from "@/scripts/lib/next-server";
import { startPrivateNats } from "@/scripts/verify-trust/lib/broker-nats";
import { benchEnvironment, servedBuild } from "./app-server";
import { type RunningProxy, startProxy } from "./proxy";

export interface DeploymentOptions {
  instances: number;
  /** The app role's URL (what the Next servers use). */
  appUrl: string;
  /** A URL of a role that may provision the database (the workers provision as `npm run worker` does). */
  adminUrl: string;
  database: string;
  dataDir: string;
  /** The proxy's port (with one instance, the server's); instance i listens on port + 1 + i. */
  port: number;
  /** The JetStream stream the relays publish to, on the benchmark's own NATS server. */
  stream: string;
}

export interface Deployment {
  /** Where the load goes: the proxy, or the one server. */
  url: string;
  instanceUrls: string[];
  /** The Next servers' process ids (for CPU readings). */
  pids: number[];
  natsUrl: string;
  stream: string;
  /** Requests the proxy handed to each instance; null without a proxy. */
  forwarded: () => number[] | null;
  stop: () => Promise<void>;
}

async function waitUntil(what: string, probe: () => Promise<boolean>, timeoutMs: number) {
  const deadline = performance.now() + timeoutMs;
  while (!(await probe().catch(() => false))) {
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  await exited;
}

/** `npm run worker` with the benchmark's database and NATS; resolves once its workers run. */
async function startWorker(env: NodeJS.ProcessEnv, name: string): Promise<ChildProcess> {
  const child = spawn("node_modules/.bin/tsx", ["scripts/worker.ts"], {
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let seen = "";
  const running = new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes("Workers running")) resolve();
      // Only what goes wrong is worth a line in the benchmark's output.
      for (const line of chunk.toString().split("\n")) {
        if (/cannot|fail|error/i.test(line)) console.log(`[${name}] ${line}`);
      }
    });
    child.once("exit", (code) => reject(new Error(`${name} exited (${code}) before running`)));
  });
  await Promise.race([
    running,
    new Promise((_, reject) =>
      setTimeout(() => reject(new Error(`${name} did not start in 120 s`)), 120_000),
    ),
  ]);
  return child;
}

export async function startDeployment(options: DeploymentOptions): Promise<Deployment> {
  const children: ChildProcess[] = [];
  let proxy: RunningProxy | null = null;
  // A fresh stream store each run: the stream then holds exactly what this run published.
  const natsDir = path.join(options.dataDir, "nats");
  await rm(natsDir, { recursive: true, force: true });
  const nats = await startPrivateNats(natsDir);
  const stop = async () => {
    await proxy?.close();
    // Servers first, so no request meets a stopped worker's half-done work; NATS last.
    for (const child of children.reverse()) await stopChild(child);
    await nats.kill();
  };
  try {
    const built = benchEnvironment(options.appUrl, options.dataDir, options.port);
    const served = await servedBuild(built, options.dataDir);
    const serverEnv = (port: number) => ({
      ...benchEnvironment(options.appUrl, options.dataDir, port),
      NEXT_DIST_DIR: served,
    });
    // The worker provisions and connects as `DATABASE_URL=… npm run worker` would; the rest of
    // the server's environment (no other database secret) is the same.
    const workerEnv = {
      ...serverEnv(options.port),
      DATABASE_URL: options.adminUrl,
      DATABASE_NAME: options.database,
      DATA_DIR: options.dataDir,
      NATS_URL: nats.url,
      NATS_STREAM: options.stream,
    };
    // One after the other: each provisions (roles, migrations) before its workers start.
    for (let i = 0; i < options.instances; i++) {
      children.push(await startWorker(workerEnv, `worker ${i + 1}`));
    }
    const instanceUrls: string[] = [];
    const servers: ChildProcess[] = [];
    for (let i = 0; i < options.instances; i++) {
      const port = options.port + 1 + i;
      const server = spawnNext(serverEnv(port), port, "start", {
        stdio: ["ignore", "ignore", "inherit"],
        hostname: "127.0.0.1",
      });
      children.push(server);
      servers.push(server);
      instanceUrls.push(`http://127.0.0.1:${port}`);
    }
    for (const url of instanceUrls) {
      await waitUntil(`the app at ${url}`, async () => (await fetch(`${url}/sign-in`)).ok, 90_000);
    }
    if (options.instances > 1) {
      proxy = await startProxy(
        instanceUrls.map((url) => new URL(url)),
        options.port,
      );
    }
    const running = proxy;
    return {
      url: running?.url ?? (instanceUrls[0] as string),
      instanceUrls,
      pids: servers.map((server) => server.pid ?? 0),
      natsUrl: nats.url,
      stream: options.stream,
      forwarded: () => running?.forwarded() ?? null,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
