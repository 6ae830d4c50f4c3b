import {
  JetStreamApiCodes,
  JetStreamApiError,
  type JetStreamManager,
  RetentionPolicy,
  StorageType,
} from "@nats-io/jetstream";
import { connect, type NatsConnection, nanos } from "@nats-io/transport-node";
import { type Config, config } from "@/lib/config";

export interface NatsCredentials {
  user: string;
  pass: string;
}

/** NATS_USER and NATS_PASSWORD, when set (the client does not read them from NATS_URL). */
export function natsCredentialsFromConfig(settings: Config = config()): NatsCredentials | null {
  return settings.NATS_USER
    ? { user: settings.NATS_USER, pass: settings.NATS_PASSWORD ?? "" }
    : null;
}

/**
 * A connection that keeps trying to reconnect on its own: a broker restart must not need a
 * worker restart. The first connect fails fast instead, so the caller's backoff takes over.
 * It signs in as the service's NATS user when one is configured
 * (docs/decisions/0020-inbound-events-per-district.md).
 */
export function connectNats(
  url: string,
  name: string,
  credentials: NatsCredentials | null = natsCredentialsFromConfig(),
): Promise<NatsConnection> {
  return connect({
    servers: url.split(",").map((server) => server.trim()),
    name,
    ...(credentials ?? {}),
    maxReconnectAttempts: -1,
    reconnectTimeWait: 1_000,
    timeout: 5_000,
  });
}

export interface StreamSpec {
  name: string;
  subjects: string[];
  /** Messages with the same `Nats-Msg-Id` inside this window are stored once. */
  duplicateWindowMs: number;
}

/**
 * Creates the stream when it is missing. An existing stream is left as its operator configured
 * it, except that a duplicate window shorter than ours is widened: a relay restarted after a
 * crash re-publishes its last batch and relies on the window to drop the copies.
 */
export async function ensureStream(jsm: JetStreamManager, spec: StreamSpec): Promise<void> {
  try {
    const info = await jsm.streams.info(spec.name);
    if (info.config.duplicate_window < nanos(spec.duplicateWindowMs)) {
      await jsm.streams.update(spec.name, { duplicate_window: nanos(spec.duplicateWindowMs) });
    }
    return;
  } catch (error) {
    if (!isStreamNotFound(error)) throw error;
  }
  await jsm.streams.add({
    name: spec.name,
    subjects: spec.subjects,
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    duplicate_window: nanos(spec.duplicateWindowMs),
  });
}

export function isStreamNotFound(error: unknown): boolean {
  return error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamNotFound;
}
