/**
 * `npm run verify:trust`: issue 14's proof. Starts the app on a database of its own (the demo
 * districts, the production build, `next start`), runs every check in ./checks in name order
 * and prints one table of figures (area | check | figure | ok). Exits 1 when any row is not ok.
 *
 *   npm run verify:trust                    the full run
 *   npm run verify:trust -- --short         CI's (.ci/run): fewer inputs, a few minutes
 *   --only authorization,headers            some checks only
 *   --check-timeout 300                     seconds a check may take (short run: 300; full: none)
 *   --port 3300 --pg-port 54380 --data-dir .data/trust    where it serves (defaults shown)
 */

import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { initClock } from "@/lib/clock";
import { pinTestClock } from "@/test/clock";
import { describeStartupError } from "../lib/database-options";
import { startApp } from "./lib/server";
import { failedRow, formatTable, summaryLine } from "./lib/table";
import type { TrustCheck, TrustRow, TrustRunOptions } from "./types";

const CHECKS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "checks");

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** The check modules, found in the folder at run time: a new file is a new check. */
function checkFiles(only: string[] | null): string[] {
  return readdirSync(CHECKS_DIR)
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
    .filter((file) => !only || only.includes(path.basename(file, ".ts")))
    .sort()
    .map((file) => path.join(CHECKS_DIR, file));
}

async function loadCheck(file: string): Promise<TrustCheck> {
  const module = (await import(pathToFileURL(file).href)) as { default?: TrustCheck };
  const check = module.default;
  if (!check || typeof check.run !== "function") {
    throw new Error(`${path.basename(file)} does not default-export a TrustCheck`);
  }
  return check;
}

/** A check that hangs must not hang CI: past its time it is a failed row, and the run goes on. */
function withinTime<T>(work: Promise<T>, seconds: number, name: string): Promise<T> {
  if (!Number.isFinite(seconds)) return work;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${name} took longer than ${seconds} s`)),
      seconds * 1000,
    );
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

async function main(): Promise<number> {
  const started = performance.now();
  // Like every test run, on the pinned school day (lib/clock.ts); the server inherits it.
  pinTestClock({ frozen: false });
  initClock();
  const options: TrustRunOptions = { full: !process.argv.includes("--short") };
  const only = option("only")?.split(",") ?? null;
  const timeoutSeconds = Number(
    option("check-timeout") ?? (options.full ? Number.POSITIVE_INFINITY : 300),
  );
  const files = checkFiles(only);
  if (files.length === 0) throw new Error(`no checks in ${CHECKS_DIR} match --only ${only}`);

  console.log(`verify:trust: starting the app (${options.full ? "full" : "short"} run)...`);
  const app = await startApp({
    port: Number(option("port") ?? 3300),
    embeddedPort: Number(option("pg-port") ?? 54380),
    dataDir: option("data-dir") ?? ".data/trust",
    full: options.full,
  });
  const stopping = async () => {
    await app.stop();
    process.exit(130);
  };
  process.once("SIGINT", () => void stopping());
  process.once("SIGTERM", () => void stopping());

  const rows: TrustRow[] = [];
  try {
    console.log(
      `verify:trust: serving on ${app.environment.baseUrl}; logs in ${app.environment.workDir}`,
    );
    for (const file of files) {
      const name = path.basename(file, ".ts");
      const checkStarted = performance.now();
      try {
        const check = await loadCheck(file);
        const found = await withinTime(check.run(app.environment, options), timeoutSeconds, name);
        rows.push(...(found.length > 0 ? found : [failedRow(name, new Error("no rows"))]));
      } catch (error) {
        console.error(`verify:trust: ${name} threw:`, error);
        rows.push(failedRow(name, error));
      }
      const seconds = ((performance.now() - checkStarted) / 1000).toFixed(0);
      console.log(`verify:trust: ${name} done in ${seconds} s`);
    }
  } finally {
    await app.stop();
  }
  console.log(`\n${formatTable(rows)}\n`);
  console.log(summaryLine(rows, (performance.now() - started) / 1000, options.full));
  return rows.length > 0 && rows.every((row) => row.ok) ? 0 : 1;
}

if (!existsSync("package.json")) {
  console.error("Run npm run verify:trust from the project folder.");
  process.exit(1);
}
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(describeStartupError(error));
    process.exit(1);
  },
);
