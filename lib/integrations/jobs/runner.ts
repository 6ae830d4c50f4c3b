import { PgBoss } from "pg-boss";
import postgres from "postgres";
import { connect } from "@/db/client";
import { WORKER_ROLE } from "@/db/roles";
import { mailDeliveryJob } from "../mail/delivery-job";
import type { WorkerStarter } from "../workers";
import { auditAnchorJob } from "./audit-anchor-job";
import { sealAuditTrailJob } from "./audit-seal-job";
import type { JobDefinition } from "./definition";
import { refreshEffectivenessSummariesJob } from "./effectiveness-job";
import { completeEndedGroupsJob, evaluateExitsJob } from "./exit-jobs";
import { sendProgressSummariesJob } from "./family-jobs";
import { forgetIdempotencyKeysJob } from "./housekeeping-jobs";

/**
 * pg-boss keeps its tables here, owned by the owner role, out of the app role's reach; the
 * worker role reads and writes their rows.
 */
export const JOB_SCHEMA = "pgboss";

/**
 * Installs or upgrades pg-boss's tables as the owner (a runner on the worker role may not create
 * them), then lets the worker role use them: rows, sequences and pg-boss's functions, nothing of
 * the schema itself. Run before any runner starts (`startBackgroundWorkers`).
 */
export async function installJobSchema(ownerUrl: string): Promise<void> {
  const boss = new PgBoss({
    connectionString: ownerUrl,
    schema: JOB_SCHEMA,
    max: 1,
    supervise: false,
    schedule: false,
    application_name: "northstar-jobs-install",
  });
  await boss.start();
  await boss.stop({ graceful: false });
  const owner = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    await owner.unsafe(`
      grant usage on schema ${JOB_SCHEMA} to ${WORKER_ROLE};
      grant select, insert, update, delete, truncate on all tables in schema ${JOB_SCHEMA} to ${WORKER_ROLE};
      grant usage, select on all sequences in schema ${JOB_SCHEMA} to ${WORKER_ROLE};
      grant execute on all functions in schema ${JOB_SCHEMA} to ${WORKER_ROLE};`);
  } finally {
    await owner.end({ timeout: 5 });
  }
}

/** Every job the project runs. Add a job by writing its definition and listing it here. */
export function jobDefinitions(): JobDefinition[] {
  return [
    mailDeliveryJob(),
    forgetIdempotencyKeysJob,
    completeEndedGroupsJob,
    evaluateExitsJob,
    sendProgressSummariesJob,
    auditAnchorJob(),
    sealAuditTrailJob,
    refreshEffectivenessSummariesJob,
  ];
}

/**
 * The job runner (pg-boss on the project's own PostgreSQL): started by `npm start` beside the
 * web server and by `npm run worker`, any number at once. Each queue's policy and pg-boss's
 * row locks make a job run once however many runners there are; cron schedules are kept in the
 * database, so a schedule fires once per occurrence across all of them.
 */
export function jobRunnerStarter(
  definitions: () => JobDefinition[] = jobDefinitions,
): WorkerStarter {
  return async (env) => {
    const jobs = definitions();
    const { db, close } = connect(env.workerUrl, { max: 2, applicationName: "northstar-jobs" });
    const boss = new PgBoss({
      connectionString: env.workerUrl,
      schema: JOB_SCHEMA,
      // The owner installed the tables (installJobSchema); rebuilding an index needs the owner too.
      migrate: false,
      reindex: false,
      max: 4,
      application_name: "northstar-jobs",
    });
    boss.on("error", (error) => env.log(`Jobs: ${error.message}`));
    await boss.start();

    const timers: NodeJS.Timeout[] = [];
    for (const job of jobs) {
      await boss.createQueue(job.kind.name, job.queue);
      await boss.work(job.kind.name, { pollingIntervalSeconds: 1 }, async ([received]) => {
        await job.handle({ db, log: env.log }, (received?.data ?? {}) as object);
      });
      if (job.cron) {
        await boss.schedule(job.kind.name, job.cron.expression, null, { tz: job.cron.tz ?? "UTC" });
      }
      const everyMs = job.everyMs?.();
      if (everyMs) {
        // Each runner asks; the queue's policy keeps one job waiting, so N runners make one.
        const tick = () => void boss.send(job.kind.name, {}).catch(() => {});
        tick();
        timers.push(setInterval(tick, everyMs));
      }
    }
    env.log(`Jobs: ${jobs.map((j) => j.kind.name).join(", ")} (pg-boss, schema ${JOB_SCHEMA}).`);

    return {
      name: "job runner",
      stop: async () => {
        for (const timer of timers) clearInterval(timer);
        await boss.stop({ graceful: true, timeout: 10_000 });
        for (const job of jobs) job.close?.();
        await close();
      },
    };
  };
}
