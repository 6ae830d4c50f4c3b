import { type ChildProcess, type StdioOptions, spawn } from "node:child_process";
import { persistentSecret } from "@/db/persistent-secret";
import { config } from "@/lib/config";

/**
 * Settings that hold a way into the database beyond the app role: the server's admin or owner
 * URL, the role passwords and the workers' URL. The Next process reads only APP_DATABASE_URL
 * (lib/server/db.ts), so a flaw in a page cannot reach further than the app role.
 */
const DATABASE_SECRETS = [
  "DATABASE_URL",
  "WORKER_DATABASE_URL",
  "DB_OWNER_PASSWORD",
  "DB_APP_PASSWORD",
  "DB_WORKER_PASSWORD",
] as const;

/**
 * What the Next server needs to serve requests: the app role's database URL, the session
 * secret (kept under the data folder so sessions survive restarts) and quiet telemetry — and
 * none of the database secrets above. Shared by `npm start` and the benchmark, so both run the
 * app the same way.
 */
export function appEnvironment(
  appUrl: string,
  dataDir: string,
  port: number,
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  const inherited = { ...process.env };
  for (const name of DATABASE_SECRETS) delete inherited[name];
  return {
    ...inherited,
    APP_DATABASE_URL: appUrl,
    AUTH_SECRET: config().AUTH_SECRET ?? persistentSecret(dataDir, "auth-secret"),
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    ...extra,
  };
}

/** `next start` (or `next dev`) on a port (and, when given, only on one address). */
export function spawnNext(
  env: NodeJS.ProcessEnv,
  port: number,
  mode: "start" | "dev",
  options: { stdio?: StdioOptions; hostname?: string } = {},
): ChildProcess {
  const args = [mode, "-p", String(port), ...(options.hostname ? ["-H", options.hostname] : [])];
  return spawn("node_modules/.bin/next", args, { env, stdio: options.stdio ?? "inherit" });
}
