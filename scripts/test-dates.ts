/**
 * `npm run test:dates`: the date matrix. For each instant of test/clock.ts (a weekend, a
 * holiday, the DST days, the year's and the school year's turns, a leap day, late evening when
 * UTC is already tomorrow) it pins the clock there (NORTHSTAR_CLOCK), runs the integration suite
 * and the date-sensitive end-to-end specs, and prints one line per instant with the result.
 *
 *   npm run test:dates                    every instant, both suites
 *   npm run test:dates -- --int           the integration suite only (likewise --e2e)
 *   npm run test:dates -- --only sunday   the instants whose name contains "sunday"
 *
 * Exit code 1 when any run failed; each failed run's output is printed in full.
 */
import { spawn } from "node:child_process";
import { DATE_EDGES, type DateEdge } from "../test/clock";

/** The end-to-end specs whose pages speak of today: the day's sessions, dates of the API. */
const DATE_SENSITIVE_SPECS = ["e2e/attendance.spec.ts", "e2e/api-contract.spec.ts"];

interface Run {
  edge: DateEdge;
  suite: "integration" | "end-to-end";
  ok: boolean;
  seconds: number;
  summary: string;
  /** Tests passed and failed in the run, as its runner counted them. */
  passed: number;
  failed: number;
}

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/** Runs a command with the clock pinned to `instant`; keeps its output for a failure report. */
function run(command: string[], instant: string): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NORTHSTAR_CLOCK: instant,
      // Each run starts its own clock: an anchor inherited from elsewhere would shift it.
      NORTHSTAR_CLOCK_SINCE: "",
      NORTHSTAR_CLOCK_FROZEN: "",
      NO_COLOR: "1",
    };
    delete env.FORCE_COLOR;
    const child = spawn(command[0]!, command.slice(1), {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("close", (code) => resolve({ ok: code === 0, output }));
  });
}

/** Terminal colour codes, in case a runner colours its output anyway. */
const ANSI_COLOR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");

/** The runner's own closing count, e.g. "177 passed" or "2 failed | 175 passed". */
function summaryOf(colored: string): string {
  const output = colored.replace(ANSI_COLOR, "");
  const vitest = output.match(/^\s*Tests\s+(.+?)\s*(\(\d+\))?\s*$/m);
  if (vitest) return vitest[1]!.trim();
  const counts = [...output.matchAll(/^\s*(\d+) (passed|failed|flaky|skipped|did not run)/gm)];
  return counts.length > 0 ? counts.map((m) => `${m[1]} ${m[2]}`).join(", ") : "no tests ran";
}

/** One suite on each instant in turn, printing a line as each run ends. */
async function lane(edges: readonly DateEdge[], suite: Run["suite"], command: string[]) {
  const runs: Run[] = [];
  for (const edge of edges) {
    const started = performance.now();
    const { ok, output } = await run(command, edge.instant);
    const result: Run = {
      edge,
      suite,
      ok,
      seconds: Math.round((performance.now() - started) / 1000),
      summary: summaryOf(output),
      ...countsOf(output),
    };
    runs.push(result);
    console.log(
      `${ok ? "ok  " : "FAIL"} ${edge.instant.padEnd(26)} ${edge.name.padEnd(40)} ${suite.padEnd(11)} ${result.summary} (${result.seconds} s)`,
    );
    if (!ok) console.log(output);
  }
  return runs;
}

/** The run's tests passed and failed, from its runner's closing count. */
function countsOf(colored: string): { passed: number; failed: number } {
  const summary = summaryOf(colored);
  const count = (word: string) => Number(summary.match(new RegExp(`(\\d+) ${word}`))?.[1] ?? 0);
  return { passed: count("passed"), failed: count("failed") };
}

async function main() {
  const only = option("--only")?.toLowerCase();
  const wantInt = !process.argv.includes("--e2e");
  const wantE2e = !process.argv.includes("--int");
  const edges = DATE_EDGES.filter((edge) => !only || edge.name.toLowerCase().includes(only));
  if (edges.length === 0) throw new Error(`No date edge is named like "${only}".`);

  // The two suites use servers and ports of their own: they run side by side, one lane each.
  const lanes: Array<Promise<Run[]>> = [];
  if (wantInt)
    lanes.push(lane(edges, "integration", ["npx", "vitest", "run", "--project", "integration"]));
  if (wantE2e)
    lanes.push(lane(edges, "end-to-end", ["npx", "playwright", "test", ...DATE_SENSITIVE_SPECS]));
  const runs = (await Promise.all(lanes)).flat();
  const failed = runs.filter((r) => !r.ok);
  const tests = (key: "passed" | "failed") => runs.reduce((sum, r) => sum + r[key], 0);
  console.log(
    `\n${edges.length} instants, ${runs.length} runs: ${runs.length - failed.length} green, ${failed.length} failed.`,
  );
  // Counted in tests, so a run that failed before its tests ran still counts as a failure.
  console.log(
    `Dates: ${tests("passed")} passed, ${Math.max(tests("failed"), failed.length)} failed`,
  );
  process.exitCode = failed.length > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
