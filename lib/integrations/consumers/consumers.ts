import {
  AckPolicy,
  type ConsumerMessages,
  DeliverPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  type JetStreamManager,
  type JsMsg,
  jetstream,
  jetstreamManager,
} from "@nats-io/jetstream";
import { type NatsConnection, nanos } from "@nats-io/transport-node";
import { connect } from "@/db/client";
import { backoffDelay, pause } from "../nats/backoff";
import { connectNats, ensureStream, isStreamNotFound } from "../nats/connection";
import { describeError } from "../nats/describe-error";
import { INBOUND_HANDLERS, type InboundHandler } from "./handlers";
import { processInbound, type Verdict } from "./process";

export interface ConsumerOptions {
  /** Worker-role connection; each event is applied inside withTenant for its district. */
  workerUrl: string;
  natsUrl: string;
  /** The stream created for the inbound subjects when no stream of the broker covers them. */
  stream: string;
  /** Subjects are `<prefix>.<area>.<district id>.<event type>`. */
  subjectPrefix: string;
  /** Durable consumers are named `<durablePrefix>-<handler>`, so restarts resume where they were. */
  durablePrefix: string;
  maxAttempts: number;
  log: (message: string) => void;
  handlers?: readonly InboundHandler[];
}

export interface RunningConsumers {
  stop: () => Promise<void>;
}

export const inboundSubjectFor = (
  prefix: string,
  handler: Pick<InboundHandler, "area" | "type">,
  districtId = "*",
) => `${prefix}.${handler.area}.${districtId}.${handler.type}`;

/** The stream that holds a subject: the publishers' own when it exists, else ours. */
async function streamFor(
  jsm: JetStreamManager,
  options: ConsumerOptions,
  handlers: readonly InboundHandler[],
  subject: string,
): Promise<string> {
  try {
    return await jsm.streams.find(subject);
  } catch (error) {
    if (!isStreamNotFound(error)) throw error;
  }
  await ensureStream(jsm, {
    name: options.stream,
    subjects: [...new Set(handlers.map((h) => `${options.subjectPrefix}.${h.area}.>`))],
    duplicateWindowMs: 10 * 60_000,
  });
  return options.stream;
}

async function ensureDurable(
  jsm: JetStreamManager,
  stream: string,
  durable: string,
  filter: string,
): Promise<void> {
  try {
    await jsm.consumers.info(stream, durable);
    return;
  } catch (error) {
    const missing =
      error instanceof JetStreamApiError && error.code === JetStreamApiCodes.ConsumerNotFound;
    if (!missing) throw error;
  }
  await jsm.consumers.add(stream, {
    durable_name: durable,
    filter_subject: filter,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    // Redelivery is ours to bound: a message is parked after maxAttempts, then acknowledged.
    max_deliver: -1,
    ack_wait: nanos(60_000),
  });
}

/**
 * Durable pull consumers, one per consumed event type, processing one message at a time each so
 * a district's roster changes apply in the order they were published.
 */
export function startConsumers(options: ConsumerOptions): RunningConsumers {
  const handlers = options.handlers ?? INBOUND_HANDLERS;
  const database = connect(options.workerUrl, { max: 3, applicationName: "northstar-consumers" });
  const controller = new AbortController();
  let connection: NatsConnection | null = null;
  const subscriptions: ConsumerMessages[] = [];

  const settle = async (message: JsMsg, handler: InboundHandler) => {
    let verdict: Verdict;
    try {
      verdict = await processInbound(
        database.db,
        handler,
        {
          subject: message.subject,
          payload: message.string(),
          deliveryCount: message.info.deliveryCount,
        },
        options.maxAttempts,
      );
    } catch (error) {
      // Even parking failed (the database is down): the broker keeps the message for later.
      const reason = describeError(error);
      verdict = { kind: "retry", reason, delayMs: backoffDelay(message.info.deliveryCount) };
    }
    if (verdict.kind === "retry") {
      options.log(`consumer ${handler.type}: will retry (${verdict.reason})`);
      message.nak(verdict.delayMs);
      return;
    }
    if (verdict.kind === "parked") {
      options.log(`consumer ${handler.type}: parked ${message.subject} (${verdict.reason})`);
    }
    message.ack();
  };

  const consume = async (nc: NatsConnection, handler: InboundHandler) => {
    const jsm = await jetstreamManager(nc);
    const filter = inboundSubjectFor(options.subjectPrefix, handler);
    const stream = await streamFor(jsm, options, handlers, filter);
    const durable = `${options.durablePrefix}-${handler.durable}`;
    await ensureDurable(jsm, stream, durable, filter);
    const consumer = await jetstream(nc).consumers.get(stream, durable);
    const messages = await consumer.consume({ max_messages: 50 });
    subscriptions.push(messages);
    for await (const message of messages) await settle(message, handler);
  };

  const loop = async () => {
    let failures = 0;
    while (!controller.signal.aborted) {
      try {
        connection = await connectNats(options.natsUrl, "northstar-interventions-consumers");
        if (failures > 0) options.log("consumers: connected again");
        failures = 0;
        options.log(
          `consumers: listening on ${handlers.map((h) => inboundSubjectFor(options.subjectPrefix, h)).join(", ")}`,
        );
        await Promise.all(
          handlers.map((handler) => consume(connection as NatsConnection, handler)),
        );
      } catch (error) {
        failures += 1;
        if (failures === 1 || failures % 10 === 0) {
          options.log(`consumers: ${describeError(error)}; retry ${failures}`);
        }
      } finally {
        for (const subscription of subscriptions.splice(0)) subscription.stop();
        await connection?.close().catch(() => {});
        connection = null;
      }
      await pause(backoffDelay(Math.max(1, failures)), controller.signal);
    }
  };

  const running = loop();
  return {
    async stop() {
      controller.abort();
      for (const subscription of subscriptions.splice(0)) subscription.stop();
      await connection?.close().catch(() => {});
      await running;
      await database.close();
    },
  };
}
