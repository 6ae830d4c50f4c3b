/** The real app, built and started as `npm start` does, on a free port of 127.0.0.1. */
import { once } from "node:events";
import { cpSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { ensureBuild } from "@/scripts/lib/build-fingerprint";
import { appEnvironment, spawnNext } from "@/scripts/lib/next-server";

export interface RunningApp {
  url: string;
  /** The `next start` process: its CPU time is what bench/cpu-proc.ts reads. */
  pid: number;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  if (!address || typeof address === "string") throw new Error("No free port");
  return address.port;
}

const BUILD_DIR = ".next-bench";

/** Builds unless built; while another benchmark's build holds the folder, waits and tries again. */
async function buildWhenFree(env: NodeJS.ProcessEnv): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await ensureBuild(env);
      return;
    } catch (error) {
      if (attempt >= 20) throw error;
      console.log(
        "App: the build did not finish (another one may be running); trying again in 15 s",
      );
      await new Promise((resolve) => setTimeout(resolve, 15_000));
    }
  }
}

async function waitUntilServing(url: string, deadline: number): Promise<void> {
  while (performance.now() < deadline) {
    try {
      const response = await fetch(`${url}/sign-in`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The app did not answer at ${url} in time`);
}

/** The benchmark's server environment; the app is built with its own dist folder, so a developer's `npm start` build is untouched. */
export const benchEnvironment = (appUrl: string, dataDir: string, port: number) =>
  appEnvironment(appUrl, dataDir, port, { NORTHSTAR_BENCH_FLOOR: "1", NEXT_DIST_DIR: BUILD_DIR });

/**
 * Builds when needed and copies the build into the data folder, whose copy the servers run
 * from: another benchmark on this machine (other data folder and port) may build .next-bench
 * again while this one runs. Answers the copy's folder (the servers' NEXT_DIST_DIR).
 */
export async function servedBuild(env: NodeJS.ProcessEnv, dataDir: string): Promise<string> {
  await buildWhenFree(env);
  const served = path.join(dataDir, "next");
  rmSync(served, { recursive: true, force: true });
  cpSync(BUILD_DIR, served, {
    recursive: true,
    filter: (source) => source !== path.join(BUILD_DIR, "cache"),
  });
  return served;
}

export async function startApp(
  appUrl: string,
  dataDir: string,
  port?: number,
): Promise<RunningApp> {
  port ??= await freePort();
  const env = benchEnvironment(appUrl, dataDir, port);
  const served = await servedBuild(env, dataDir);
  const child = spawnNext({ ...env, NEXT_DIST_DIR: served }, port, "start", {
    stdio: ["ignore", "ignore", "inherit"],
    hostname: "127.0.0.1",
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = once(child, "exit");
  try {
    await waitUntilServing(url, performance.now() + 60_000);
  } catch (error) {
    child.kill("SIGTERM");
    throw error;
  }
  if (child.pid === undefined) throw new Error("next start did not start");
  return {
    url,
    pid: child.pid,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await exited;
      }
    },
  };
}

function cookiesOf(response: Response, jar: Map<string, string>): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair?.indexOf("=") ?? -1;
    if (pair && eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
}

const cookieHeader = (jar: Map<string, string>) =>
  [...jar].map(([name, value]) => `${name}=${value}`).join("; ");

/** Auth.js's standard credentials flow (the API reference: lib/api/routes/): csrf token, then the callback. */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${url}/api/auth/csrf`);
  cookiesOf(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const callback = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: cookieHeader(jar),
    },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${url}/dashboard` }),
  });
  cookiesOf(callback, jar);
  const cookie = cookieHeader(jar);
  const check = await fetch(`${url}/api/v1/interventions?limit=1`, { headers: { cookie } });
  if (!check.ok) throw new Error(`Signing in as ${email} failed (${check.status})`);
  return cookie;
}
