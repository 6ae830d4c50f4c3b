import { integrationConfig } from "../nats/config";
import type { WorkerStarter } from "../workers";
import { startRelay } from "./relay";

/** How long NATS remembers a `Nats-Msg-Id`: a restarted relay's repeats fall well inside it. */
export const DUPLICATE_WINDOW_MS = 10 * 60_000;

export const startRelayWorker: WorkerStarter = async (env) => {
  const config = integrationConfig();
  const relay = startRelay({
    workerUrl: env.workerUrl,
    nats: config.NATS_URL
      ? {
          url: config.NATS_URL,
          stream: config.NATS_STREAM,
          subjectPrefix: config.NATS_SUBJECT_PREFIX,
          duplicateWindowMs: DUPLICATE_WINDOW_MS,
          clientName: "northstar-interventions-relay",
        }
      : undefined,
    batchSize: config.RELAY_BATCH_SIZE,
    pollMs: config.RELAY_POLL_MS,
    log: env.log,
  });
  return { name: "event relay", stop: relay.stop };
};
