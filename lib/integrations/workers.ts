import { startConsumerWorker } from "./consumers/worker";
import { installJobSchema, jobRunnerStarter } from "./jobs/runner";
import { startRelayWorker } from "./relay/worker";

/**
 * Background work that runs beside the web server (`npm start`) or on its own (`npm run worker`):
 * each worker reads committed rows and talks to the outside world, never a request. The event
 * relay and consumers stream continuously; everything scheduled or retried is a job on the job
 * runner (jobs/runner.ts), where a new kind of background work goes.
 */
export interface WorkerEnvironment {
  /**
   * The worker role's connection (`northstar_worker`): the app role's rights on district rows,
   * each reached through withTenant, plus the few cross-district reads a worker needs (the
   * outbox, the inbox, the list of districts). Never the owner: a worker cannot alter the schema
   * nor touch the audit log beyond appending (docs/decisions/0003-database-roles-and-provisioning.md).
   */
  workerUrl: string;
  log: (message: string) => void;
}

export interface RunningWorker {
  name: string;
  stop: () => Promise<void>;
}

export type WorkerStarter = (env: WorkerEnvironment) => Promise<RunningWorker>;

const WORKERS: WorkerStarter[] = [startRelayWorker, startConsumerWorker, jobRunnerStarter()];

/**
 * Starts every worker on the worker role's connection. The owner's connection is used first,
 * and only, to install or upgrade the job runner's tables and grant the worker role their use.
 */
export async function startBackgroundWorkers(
  env: WorkerEnvironment & { ownerUrl: string },
  starters: WorkerStarter[] = WORKERS,
): Promise<RunningWorker[]> {
  await installJobSchema(env.ownerUrl);
  const { workerUrl, log } = env;
  return Promise.all(starters.map((start) => start({ workerUrl, log })));
}

/** Stops every worker; one that fails to stop cleanly does not keep the others running. */
export async function stopBackgroundWorkers(workers: RunningWorker[]): Promise<void> {
  const results = await Promise.allSettled(workers.map((worker) => worker.stop()));
  results.forEach((result, index) => {
    if (result.status === "rejected") {
      console.error(`Stopping ${workers[index]?.name} failed:`, result.reason);
    }
  });
}
