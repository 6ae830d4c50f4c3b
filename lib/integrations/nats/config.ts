import { type Config, config } from "@/lib/config";

/**
 * The integration settings the workers use (README, "Events"). With no `NATS_URL` the relay
 * still runs: it publishes to the `/api/v1/events` feed only, and no consumer starts.
 */
export type IntegrationConfig = Pick<
  Config,
  | "NATS_URL"
  | "NATS_STREAM"
  | "NATS_SUBJECT_PREFIX"
  | "NATS_INBOUND_STREAM"
  | "NATS_INBOUND_PREFIX"
  | "NATS_CONSUMER_PREFIX"
  | "RELAY_BATCH_SIZE"
  | "RELAY_POLL_MS"
  | "CONSUMER_MAX_ATTEMPTS"
>;

export function integrationConfig(settings: Config = config()): IntegrationConfig {
  return settings;
}
