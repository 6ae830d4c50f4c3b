import { type JetStreamClient, jetstream, jetstreamManager } from "@nats-io/jetstream";
import { headers, type NatsConnection } from "@nats-io/transport-node";
import type { ClaimedEvent } from "@/db/queries/events/relay";
import { toCloudEvent } from "@/lib/use-cases/events/cloud-event";
import { connectNats, ensureStream } from "../nats/connection";

/** Where the relay hands committed events on. */
export interface EventSink {
  readonly description: string;
  /** Resolves once the event is stored downstream; rejects when it may not be. */
  publish(event: ClaimedEvent): Promise<void>;
  /** False once the sink can no longer be used and must be opened again. */
  usable(): boolean;
  close(): Promise<void>;
}

/**
 * Without a broker the events feed (`GET /api/v1/events`) is the publication: marking a row
 * published is all there is to do.
 */
export const feedOnlySink: EventSink = {
  description: "the events feed only (no NATS_URL)",
  publish: async () => {},
  usable: () => true,
  close: async () => {},
};

export interface NatsSinkOptions {
  url: string;
  stream: string;
  /** Events go to `<prefix>.<district id>.<event type>`; the stream takes `<prefix>.>`. */
  subjectPrefix: string;
  duplicateWindowMs: number;
  clientName: string;
}

export const natsSubjectFor = (prefix: string, event: Pick<ClaimedEvent, "tenantId" | "type">) =>
  `${prefix}.${event.tenantId}.${event.type}`;

/** Publishes CloudEvents (structured mode) to JetStream; `Nats-Msg-Id` = event id. */
export async function openNatsSink(options: NatsSinkOptions): Promise<EventSink> {
  const connection: NatsConnection = await connectNats(options.url, options.clientName);
  try {
    await ensureStream(await jetstreamManager(connection), {
      name: options.stream,
      subjects: [`${options.subjectPrefix}.>`],
      duplicateWindowMs: options.duplicateWindowMs,
    });
  } catch (error) {
    await connection.close();
    throw error;
  }
  const js: JetStreamClient = jetstream(connection, { timeout: 5_000 });
  return {
    description: `NATS stream ${options.stream} at ${options.url}`,
    async publish(event) {
      const h = headers();
      h.set("Content-Type", "application/cloudevents+json; charset=utf-8");
      await js.publish(
        natsSubjectFor(options.subjectPrefix, event),
        JSON.stringify(toCloudEvent(event)),
        { msgID: event.id, headers: h },
      );
    },
    usable: () => !connection.isClosed(),
    close: () => connection.close(),
  };
}
