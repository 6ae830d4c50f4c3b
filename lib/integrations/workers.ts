import { startConsumerWorker } from "./consumers/worker";
import { jobRunnerStarter } from "./jobs/runner";
import { startRelayWorker } from "./relay/worker";

/**
 * Background work that runs beside the web server (`npm start`) or on its own (`npm run worker`):
 * each worker reads committed rows and talks to the outside world, never a request. The event
 * relay and consumers stream continuously; everything scheduled or retried is a job on the job
 * runner (jobs/runner.ts), where a new kind of background work goes.
 */
export interface WorkerEnvironment {
  /** Owner-role connection: workers act across districts (each still writes through withTenant). */
  ownerUrl: string;
  /** App-role connection, for work that is scoped to one district at a time. */
  appUrl: string;
  log: (message: string) => void;
}

export interface RunningWorker {
  name: string;
  stop: () => Promise<void>;
}

export type WorkerStarter = (env: WorkerEnvironment) => Promise<RunningWorker>;

const WORKERS: WorkerStarter[] = [startRelayWorker, startConsumerWorker, jobRunnerStarter()];

export async function startBackgroundWorkers(env: WorkerEnvironment): Promise<RunningWorker[]> {
  return Promise.all(WORKERS.map((start) => start(env)));
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
