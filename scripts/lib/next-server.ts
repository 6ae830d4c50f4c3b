import { type ChildProcess, type StdioOptions, spawn } from "node:child_process";
import { config } from "@/lib/config";
import { persistentSecret } from "./persistent-secret";

/**
 * What the Next server needs to serve requests: the app role's database URL, the session
 * secret (kept under the data folder so sessions survive restarts) and quiet telemetry.
 * Shared by `npm start` and the benchmark, so both run the app the same way.
 */
export function appEnvironment(
  appUrl: string,
  dataDir: string,
  port: number,
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  return {
    ...process.env,
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
