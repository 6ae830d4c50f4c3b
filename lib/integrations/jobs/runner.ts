import { PgBoss } from "pg-boss";
import { connect } from "@/db/client";
import { mailDeliveryJob } from "../mail/delivery-job";
import type { WorkerStarter } from "../workers";
import type { JobDefinition } from "./definition";
import { completeEndedGroupsJob, evaluateExitsJob } from "./exit-jobs";
import { sendProgressSummariesJob } from "./family-jobs";
import { forgetIdempotencyKeysJob } from "./housekeeping-jobs";

/** pg-boss keeps its tables here, owned by the owner role, out of the app role's reach. */
export const JOB_SCHEMA = "pgboss";

/** Every job the project runs. Add a job by writing its definition and listing it here. */
export function jobDefinitions(): JobDefinition[] {
  return [
    mailDeliveryJob(),
    forgetIdempotencyKeysJob,
    completeEndedGroupsJob,
    evaluateExitsJob,
    sendProgressSummariesJob,
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
    const { db, close } = connect(env.ownerUrl, { max: 2 });
    const boss = new PgBoss({
      connectionString: env.ownerUrl,
      schema: JOB_SCHEMA,
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
