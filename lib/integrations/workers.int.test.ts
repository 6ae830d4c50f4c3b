import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import { WORKER_ROLE } from "@/db/roles";
import { jobRunnerStarter } from "./jobs/runner";
import { startRelayWorker } from "./relay/worker";
import { type RunningWorker, startBackgroundWorkers, stopBackgroundWorkers } from "./workers";

/**
 * The background workers connect as `northstar_worker`, never as the schema owner: what
 * `npm start` and `npm run worker` hand them (startBackgroundWorkers) is checked on the server's
 * own list of sessions, by the name each worker's connections carry.
 */

let observer: DatabaseHandle;
let workers: RunningWorker[] = [];

async function sessionsOf(applicationName: string) {
  return observer.db.execute<{ user: string }>(sql`
    select usename as user from pg_stat_activity
    where datname = current_database() and application_name = ${applicationName}`);
}

async function until<T>(read: () => Promise<T[]>): Promise<T[]> {
  for (let waited = 0; waited < 20_000; waited += 100) {
    const rows = await read();
    if (rows.length > 0) return rows;
    await sleep(100);
  }
  throw new Error("No session appeared");
}

beforeAll(async () => {
  observer = connect(inject("appUrl"), { max: 1 });
});

afterAll(async () => {
  await stopBackgroundWorkers(workers);
  await observer.close();
});

describe("the background workers", () => {
  it("run as the worker role, given the owner only to install the job tables", async () => {
    const seen: string[] = [];
    workers = await startBackgroundWorkers(
      { ownerUrl: inject("ownerUrl"), workerUrl: inject("workerUrl"), log: () => {} },
      [
        startRelayWorker,
        // No jobs: the runner's own connections are what is looked at, not work done.
        jobRunnerStarter(() => []),
        async (env) => {
          const probe = connect(env.workerUrl, { max: 1 });
          const [me] = await probe.db.execute<{ user: string }>(sql`select current_user as user`);
          seen.push(me?.user ?? "");
          await probe.close();
          return { name: "probe", stop: async () => {} };
        },
      ],
    );

    expect(seen).toEqual([WORKER_ROLE]);
    for (const name of ["northstar-relay", "northstar-jobs"]) {
      const sessions = await until(() => sessionsOf(name));
      expect(new Set(sessions.map((s) => s.user)), name).toEqual(new Set([WORKER_ROLE]));
    }
  });
});
