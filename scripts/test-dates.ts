/**
 * `npm run test:dates`: the date matrix. For each instant of test/clock.ts (a weekend, a
 * holiday, the DST days, the year's and the school year's turns, a leap day, late evening when
 * UTC is already tomorrow) it pins the clock there (NORTHSTAR_CLOCK), runs the integration suite
 * and the date-sensitive end-to-end specs, and prints one line per run with the result.
 *
 *   npm run test:dates                    every instant, both suites (about 40 minutes)
 *   npm run test:dates -- --int           the integration suite only (likewise --e2e)
 *   npm run test:dates -- --only sunday   the instants whose name contains "sunday"
 *   npm run test:dates -- --ci            CI's share (CI_PLAN below, about 6 minutes)
 *
 * Two runs go at once, each with databases, ports and data folders of its own. Exit code 1 when
 * any run failed; each failed run's output is printed in full.
 */
import { spawn } from "node:child_process";
import { globSync } from "node:fs";
import { listening } from "@/db/embedded";
import { config } from "@/lib/config";
import { ensureBuild } from "@/scripts/lib/build-fingerprint";
import { DATE_EDGES, type DateEdge } from "../test/clock";

/** The end-to-end specs whose pages speak of today: the day's sessions, dates of the API. */
const DATE_SENSITIVE_SPECS = ["e2e/attendance.spec.ts", "e2e/api-contract.spec.ts"];
const AT_ONCE = 2;

/**
 * Integration files that read no date, today's or the seed's: accounts, tokens, imports, the
 * event plumbing, the job runner, isolation (path prefixes). A run that is not `whole` leaves
 * them out.
 */
const DATE_FREE_TESTS = [
  "lib/integrations/",
  "lib/use-cases/auth/",
  "lib/use-cases/events/",
  "lib/use-cases/imports/",
  "lib/use-cases/people/",
  "lib/use-cases/tokens/",
  "lib/use-cases/users/",
  "test/resources-api.int.test.ts",
  "test/tenant-isolation.int.test.ts",
];

/** The integration files that read a date (the project's own exclude stays vitest's). */
function dateReadingTests(): string[] {
  return globSync("**/*.int.test.ts", { exclude: (path) => path === "node_modules" })
    .filter((file) => !DATE_FREE_TESTS.some((prefix) => file.startsWith(prefix)))
    .sort();
}

type Suite = "integration" | "end-to-end";

interface Task {
  edge: DateEdge;
  suite: Suite;
  /** Every integration file, not only those that read a date. */
  whole: boolean;
}

/**
 * CI's share of the matrix (.ci/run), kept to a few minutes: the whole integration suite on a
 * Sunday (with DATABASE_URL it is also CI's run on the machine's PostgreSQL), its date-reading
 * files on a holiday, the spring DST night when UTC is already tomorrow, New Year's Eve and the
 * school year's first day, and the day's pages in a browser on the Sunday and the DST night.
 * The days left out are the neighbours of these (Saturday, the mornings, New Year's Day, 30
 * June, 23:59 of a plain day) and the leap day; the full matrix runs them all.
 */
const CI_PLAN: readonly { edge: string; suites: readonly Suite[]; whole?: boolean }[] = [
  { edge: "a Sunday", suites: ["integration", "end-to-end"], whole: true },
  { edge: "spring forward, 23:30 local", suites: ["integration", "end-to-end"] },
  { edge: "a district holiday (Thanksgiving)", suites: ["integration"] },
  { edge: "New Year's Eve, 23:30 local", suites: ["integration"] },
  { edge: "the first day of the next (1 July)", suites: ["integration"] },
];

interface Run {
  edge: DateEdge;
  suite: Suite;
  ok: boolean;
  seconds: number;
  summary: string;
  /** Tests passed and failed in the run, as its runner counted them. */
  passed: number;
  failed: number;
}

function commandOf(task: Task): string[] {
  if (task.suite === "end-to-end") return ["npx", "playwright", "test", ...DATE_SENSITIVE_SPECS];
  const files = task.whole ? [] : dateReadingTests();
  return ["npx", "vitest", "run", "--project", "integration", ...files];
}

/** The ports and folders of worker `slot`, so two runs at once never share a server. */
function slotEnvironment(slot: number): Record<string, string> {
  const settings = config();
  return {
    TEST_EMBEDDED_PG_PORT: String(settings.TEST_EMBEDDED_PG_PORT + 20 * slot),
    TEST_DATA_DIR: `${settings.TEST_DATA_DIR}-dates-${slot}`,
    E2E_PORT: String(settings.E2E_PORT + slot),
    E2E_EMBEDDED_PG_PORT: String(settings.E2E_EMBEDDED_PG_PORT + 20 * slot),
    E2E_DATA_DIR: `${settings.E2E_DATA_DIR}-dates-${slot}`,
  };
}

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/** Runs a command with the clock pinned to `instant`; keeps its output for a failure report. */
function run(command: string[], instant: string, slot: number) {
  return new Promise<{ ok: boolean; output: string }>((resolve) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...slotEnvironment(slot),
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

/** The run's tests passed and failed, from its runner's closing count. */
function countsOf(summary: string): { passed: number; failed: number } {
  const count = (word: string) => Number(summary.match(new RegExp(`(\\d+) ${word}`))?.[1] ?? 0);
  return { passed: count("passed"), failed: count("failed") };
}

/** The slot's previous run may still be shutting its servers down: wait until their ports are free. */
async function slotIdle(slot: number): Promise<void> {
  const env = slotEnvironment(slot);
  const ports = [env.TEST_EMBEDDED_PG_PORT, env.E2E_PORT, env.E2E_EMBEDDED_PG_PORT].map(Number);
  for (let waited = 0; waited < 30_000; waited += 250) {
    const busy = await Promise.all(ports.map((port) => listening(port)));
    if (!busy.includes(true)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function runOne(task: Task, slot: number): Promise<Run> {
  const { edge, suite } = task;
  await slotIdle(slot);
  const started = performance.now();
  const { ok, output } = await run(commandOf(task), edge.instant, slot);
  const summary = summaryOf(output);
  const result: Run = {
    edge,
    suite,
    ok,
    seconds: Math.round((performance.now() - started) / 1000),
    summary,
    ...countsOf(summary),
  };
  console.log(
    `${ok ? "ok  " : "FAIL"} ${edge.instant.padEnd(26)} ${edge.name.padEnd(42)} ${suite.padEnd(11)} ${summary} (${result.seconds} s)`,
  );
  if (!ok) console.log(output);
  return result;
}

function edgeNamed(name: string): DateEdge {
  const edge = DATE_EDGES.find((candidate) => candidate.name === name);
  if (!edge) throw new Error(`CI_PLAN names "${name}", which test/clock.ts has no instant for.`);
  return edge;
}

/** The runs asked for on the command line, end-to-end ones first: they take longest. */
function tasksAsked(): Task[] {
  if (process.argv.includes("--ci")) {
    const tasks = CI_PLAN.flatMap((plan) =>
      plan.suites.map((suite) => ({ edge: edgeNamed(plan.edge), suite, whole: !!plan.whole })),
    );
    return tasks.sort(
      (a, b) => Number(a.suite === "integration") - Number(b.suite === "integration"),
    );
  }
  const only = option("--only")?.toLowerCase();
  const suites: Suite[] = [];
  if (!process.argv.includes("--e2e")) suites.push("integration");
  if (!process.argv.includes("--int")) suites.push("end-to-end");
  const edges = DATE_EDGES.filter((edge) => !only || edge.name.toLowerCase().includes(only));
  if (edges.length === 0) throw new Error(`No date edge is named like "${only}".`);
  return edges.flatMap((edge) => suites.map((suite) => ({ edge, suite, whole: true })));
}

async function main() {
  const queue = tasksAsked();
  const edges = new Set(queue.map((task) => task.edge));

  // One build serves every end-to-end run (they start `next start` on ports of their own).
  if (queue.some((task) => task.suite === "end-to-end")) await ensureBuild({ ...process.env });

  const runs: Run[] = [];
  await Promise.all(
    Array.from({ length: AT_ONCE }, async (_, slot) => {
      for (let task = queue.shift(); task; task = queue.shift()) {
        runs.push(await runOne(task, slot));
      }
    }),
  );

  const failed = runs.filter((r) => !r.ok);
  const tests = (key: "passed" | "failed") => runs.reduce((sum, r) => sum + r[key], 0);
  console.log(
    `\n${edges.size} instants, ${runs.length} runs: ${runs.length - failed.length} green, ${failed.length} failed.`,
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
