import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { jetstream, jetstreamManager } from "@nats-io/jetstream";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import { config } from "@/lib/config";

/** The machine's NATS JetStream (CI starts it; see .ci/run). */
export const NATS_URL = config().NATS_TEST_URL;

/** Names no other test run uses, so runs never see each other's messages. */
export function uniqueNames(purpose: string) {
  const id = `${purpose}${randomBytes(4).toString("hex")}`;
  return {
    id,
    stream: `T_${id.toUpperCase()}`,
    /** A subject root of its own: streams of different runs never overlap. */
    prefix: `test.${id}`,
  };
}

export function connectForTest(): Promise<NatsConnection> {
  return connect({ servers: NATS_URL, name: "northstar-tests" });
}

export interface StoredMessage {
  seq: number;
  subject: string;
  msgId: string | undefined;
  contentType: string | undefined;
  body: Record<string, unknown>;
}

/** Every message of a stream, in stream order. */
export async function readStream(nc: NatsConnection, stream: string): Promise<StoredMessage[]> {
  const info = await (await jetstreamManager(nc)).streams.info(stream);
  const total = info.state.messages;
  if (total === 0) return [];
  const consumer = await jetstream(nc).consumers.get(stream);
  const messages: StoredMessage[] = [];
  while (messages.length < total) {
    const batch = await consumer.fetch({ max_messages: total - messages.length, expires: 5_000 });
    let received = 0;
    for await (const m of batch) {
      received += 1;
      messages.push({
        seq: m.seq,
        subject: m.subject,
        msgId: m.headers?.get("Nats-Msg-Id") || undefined,
        contentType: m.headers?.get("Content-Type") || undefined,
        body: m.json<Record<string, unknown>>(),
      });
    }
    if (received === 0)
      throw new Error(`Read ${messages.length} of ${total} messages of ${stream}`);
  }
  return messages;
}

export async function deleteStream(nc: NatsConnection, stream: string): Promise<void> {
  const jsm = await jetstreamManager(nc);
  await jsm.streams.delete(stream).catch(() => false);
}

/** Polls until `probe` yields a value, or fails with what it was waiting for. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A local port nothing listens on: a broker that is down. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === "string") throw new Error("No port");
  return address.port;
}
