import { integrationConfig } from "../nats/config";
import type { WorkerStarter } from "../workers";
import { startConsumers } from "./consumers";

/** Consumers need a broker; without NATS_URL there is nothing to consume. */
export const startConsumerWorker: WorkerStarter = async (env) => {
  const config = integrationConfig();
  if (!config.NATS_URL) {
    env.log("consumers: off (no NATS_URL)");
    return { name: "event consumers (off)", stop: async () => {} };
  }
  const consumers = startConsumers({
    workerUrl: env.workerUrl,
    natsUrl: config.NATS_URL,
    stream: config.NATS_INBOUND_STREAM,
    subjectPrefix: config.NATS_INBOUND_PREFIX,
    durablePrefix: config.NATS_CONSUMER_PREFIX,
    maxAttempts: config.CONSUMER_MAX_ATTEMPTS,
    log: env.log,
  });
  return { name: "event consumers", stop: consumers.stop };
};
