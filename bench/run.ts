/**
 * `npm run bench`: P50 / P95 / P99 and throughput of the API's hot paths at district scale
 * (50,000 students, 5,000 interventions, 180,000 sessions, 1,000,000+ attendance marks, 200,000+
 * progress notes), each beside a floor measured in the same run. See docs/benchmarks.md.
 */

import { existsSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { connect } from "@/db/client";
import { provisionDatabase } from "@/db/provision";
import { urlForDatabase } from "@/db/roles";
import { now } from "@/lib/clock";
import { config } from "@/lib/config";
import { todayIn } from "@/lib/domain/calendar/dates";
import { refreshEffectivenessSummaries } from "@/lib/use-cases/progress/refresh-effectiveness-summaries";
import { signIn, startApp } from "./app-server";
import { costMeter, embeddedPostmaster } from "./cpu-meter";
import { ensureDataset } from "./dataset";
import { BENCH_EMAIL, BENCH_PASSWORD, SCALE_FACTOR } from "./dataset-shape";
import { machine } from "./machine";
import { type Measurement, measure, type Scenario, sendOnce } from "./measure";
import { checkPages, PAGE_SLO_MS, pageScenarios } from "./pages-scenarios";
import { ensureScreening } from "./pages-screening";
import { capturePlans, ServerLog } from "./plans";
import { type Comparison, printTable, writeReport } from "./report";
import {
  BENCH_ADMIN_EMAIL,
  benchGroupIds,
  CHECK_WEEKS,
  describeCheckPlans,
  ensureBenchAdmin,
  removeCreatedGroups,
  resetAttendancePool,
} from "./run-state";
import {
  attendanceScenario,
  CREATED_PREFIX,
  checkScenario,
  createScenario,
  nextMonday,
  progressScenario,
} from "./scenarios";
import { readStatements, resetStatStatements, topStatements } from "./statements-stats";

// A larger scale keeps its own dataset (and report) beside the scale-1 one.
const DATA_DIR =
  SCALE_FACTOR === 1 ? config().BENCH_DATA_DIR : `${config().BENCH_DATA_DIR}-x${SCALE_FACTOR}`;
const REPORT = SCALE_FACTOR === 1 ? "docs/benchmarks.md" : `docs/benchmarks-x${SCALE_FACTOR}.md`;
const PG_PORT = config().BENCH_PG_PORT;
const SECONDS = config().BENCH_SECONDS;
const DATABASE = "northstar_bench";
const WARM_UP_SECONDS = 1;
const CONNECTIONS = [1, 10] as const;

async function main() {
  const started = performance.now();
  const today = todayIn("America/Chicago", now());
  const serverLog = new ServerLog();
  const database = await provisionDatabase({
    dataDir: DATA_DIR,
    embeddedPort: PG_PORT,
    database: DATABASE,
    // `npm run bench -- --rebuild` starts from an empty database (a changed dataset definition).
    recreate: process.argv.includes("--rebuild"),
    instrumented: { onServerLog: serverLog.append },
  });
  const owner = connect(database.ownerUrl, { max: 2 });
  // The job runner's role: the summaries' refresh below runs as a running service's worker would.
  const worker = connect(database.workerUrl, { max: 1 });
  // The superuser of the benchmark's database: reads pg_stat_statements of every role.
  const admin = connect(urlForDatabase(database.adminUrl!, DATABASE), { max: 1 });
  let app: Awaited<ReturnType<typeof startApp>> | null = null;
  try {
    console.log("Dataset: checking (the first run builds it; a few minutes)...");
    const dataset = await ensureDataset(owner.db, today);
    console.log(`Dataset: ${JSON.stringify(dataset.counts)}`);
    await ensureScreening(owner.db, today);

    console.log("App: building if needed and starting...");
    app = await startApp(database.appUrl, DATA_DIR, config().BENCH_PORT);
    await resetStatStatements(admin.db);
    const meter = costMeter(app.pid, embeddedPostmaster(path.join(DATA_DIR, "pg")), admin.db);
    const cookie = await signIn(app.url, BENCH_EMAIL, BENCH_PASSWORD);
    await ensureBenchAdmin(owner.db);
    const adminCookie = await signIn(app.url, BENCH_ADMIN_EMAIL, BENCH_PASSWORD);
    console.log(`App: serving at ${app.url}, signed in.`);

    // Groups a run before this one left behind (one that stopped half-way) would collide.
    await removeCreatedGroups(owner.db, CREATED_PREFIX);

    let counter = 0;
    const unique = () => ++counter;
    const create = createScenario(nextMonday(today));

    const checkFree = checkScenario(today, false);
    const checkClash = checkScenario(today, true);
    const checkShapes = await describeCheckPlans(app.url, cookie, owner.db, today);

    const attendance = attendanceScenario();
    const progress = progressScenario();
    // Issue 12 point 5: one group's effectiveness (a different group each time, as the
    // specialist, who sees the cost in money) and the district table of every active group.
    const groupIds = benchGroupIds();
    const effectiveness: Scenario = {
      name: "effectiveness of one group",
      method: "GET",
      next: () => ({
        path: `/api/v1/interventions/${groupIds[(unique() * 7) % groupIds.length]}/effectiveness`,
      }),
    };
    const districtTable: Scenario = {
      name: "district table",
      method: "GET",
      next: () => ({
        path: "/api/v1/reports/district-effectiveness",
        headers: { cookie: adminCookie },
      }),
    };
    for (const scenario of [effectiveness, districtTable]) {
      const { path, headers } = scenario.next();
      const response = await fetch(`${app.url}${path}`, { headers: { cookie, ...headers } });
      const body = await response.text();
      if (!response.ok) {
        throw new Error(`${scenario.name} got ${response.status}: ${body.slice(0, 500)}`);
      }
      console.log(`${scenario.name}: ${body.length} bytes, e.g. ${body.slice(0, 300)}`);
    }
    const floorInsert: Scenario = {
      name: "floor: one insert",
      method: "POST",
      next: () => ({ path: "/api/v1/_bench/floor", body: "{}" }),
    };
    const floorSelect: Scenario = {
      name: "floor: one select",
      method: "GET",
      next: () => ({ path: "/api/v1/_bench/floor" }),
    };

    const url = app.url;
    const run = async (scenario: Scenario, connections: number): Promise<Measurement> => {
      if (scenario === attendance) {
        attendance.load(await resetAttendancePool(owner.db, today));
      }
      await measure(url, cookie, scenario, connections, WARM_UP_SECONDS);
      const result = await measure(url, cookie, scenario, connections, SECONDS, meter);
      console.log(
        `  ${scenario.name} @${connections}: P50 ${result.p50?.toFixed(1)} ms, P95 ${result.p95?.toFixed(1)} ms, ${result.requestsPerSecond.toFixed(0)} req/s${result.failures ? `, ${result.failures} failed ${JSON.stringify(result.failureStatuses)}` : ""}`,
      );
      if (scenario === attendance && attendance.wrapped()) {
        console.warn(
          `  (the attendance pool of ${attendance.poolSize()} sessions was used more than once)`,
        );
      }
      return result;
    };

    // What a running service's refresh-effectiveness-summaries job does every minute: the
    // summaries that a new day or the writes measured above made stale are computed before
    // people read them, as they would be within the minute (decision 0021).
    const refreshSummaries = async () => {
      const started = performance.now();
      const stale = await refreshEffectivenessSummaries(worker.db, now());
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `  refresh-effectiveness-summaries: ${stale} stale groups in ${seconds.toFixed(1)} s`,
      );
    };

    const comparisons: Comparison[] = [];
    const floors: Measurement[] = [];
    for (const connections of CONNECTIONS) {
      console.log(`Measuring at ${connections} connection${connections > 1 ? "s" : ""}...`);
      const insertFloor = await run(floorInsert, connections);
      const selectFloor = await run(floorSelect, connections);
      floors.push(insertFloor, selectFloor);
      comparisons.push(
        {
          endpoint: "create intervention",
          sloMs: 100,
          measured: await run(create, connections),
          floor: insertFloor,
        },
        {
          endpoint: "record attendance",
          sloMs: 50,
          measured: await run(attendance, connections),
          floor: insertFloor,
        },
        {
          endpoint: "progress chart",
          sloMs: null,
          measured: await run(progress, connections),
          floor: selectFloor,
        },
      );
      await refreshSummaries();
      comparisons.push(
        {
          endpoint: "effectiveness, one group",
          sloMs: 20,
          measured: await run(effectiveness, connections),
          floor: selectFloor,
        },
        {
          endpoint: "district table",
          sloMs: 300,
          measured: await run(districtTable, connections),
          floor: selectFloor,
        },
        {
          endpoint: "conflict check, free",
          sloMs: 50,
          measured: await run(checkFree, connections),
          floor: selectFloor,
        },
        {
          endpoint: "conflict check, clashing",
          sloMs: 50,
          measured: await run(checkClash, connections),
          floor: selectFloor,
        },
      );
    }
    console.log("Measuring the pages at 1 connection...");
    const pool = await resetAttendancePool(owner.db, today);
    const pages = pageScenarios({
      sessionIds: () => pool.map((session) => session.id),
      groupIds,
      adminCookie,
    });
    await checkPages(url, cookie, pages);
    for (const { page, scenario } of pages) {
      const measured = await run(scenario, 1);
      comparisons.push({ endpoint: page, sloMs: PAGE_SLO_MS, measured, floor: floors[1]! });
    }
    console.log("Keeping the plan of each endpoint's slowest statement...");
    attendance.load(await resetAttendancePool(owner.db, today));
    const planned: [string, Scenario][] = [
      ["create intervention", create],
      ["record attendance", attendance],
      ["progress chart", progress],
      ["effectiveness, one group", effectiveness],
      ["district table", districtTable],
      ["conflict check, free", checkFree],
      ["conflict check, clashing", checkClash],
      ...pages.map(({ page, scenario }): [string, Scenario] => [page, scenario]),
    ];
    const plans = await capturePlans(admin.db, serverLog, planned, (scenario) =>
      sendOnce(url, cookie, scenario),
    );
    const removed = await removeCreatedGroups(owner.db, CREATED_PREFIX);
    await resetAttendancePool(owner.db, today);

    const [version] = await owner.db.execute<{ v: string }>(
      sql`select split_part(version(), ' on ', 1) as v`,
    );
    printTable(comparisons);
    writeReport(REPORT, {
      date: now(),
      machine: machine(version?.v ?? "PostgreSQL"),
      dataset,
      seconds: SECONDS,
      comparisons,
      floors,
      checkShapes,
      checkWeeks: CHECK_WEEKS,
      topStatements: topStatements(await readStatements(admin.db)),
      plans,
    });
    const failed = comparisons.filter((c) => c.measured.failures > 0);
    if (failed.length > 0) {
      console.warn(
        `Failed requests (any non-2xx, a 409 conflict included): ${failed.map((c) => `${c.endpoint} @${c.measured.connections}: ${JSON.stringify(c.measured.failureStatuses)}`).join("; ")}`,
      );
      process.exitCode = 1;
    }
    console.log(
      `Results written to ${REPORT} (${removed} created groups removed; ${((performance.now() - started) / 1000).toFixed(0)} s in all).`,
    );
  } finally {
    await app?.stop();
    await owner.close();
    await worker.close();
    await admin.close();
    await database.stop();
  }
}

if (!existsSync("package.json")) {
  console.error("Run npm run bench from the project folder.");
  process.exit(1);
}
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
