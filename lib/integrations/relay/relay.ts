import { connect, type Database } from "@/db/client";
import {
  type ClaimedEvent,
  claimWaitingEvents,
  markPublished,
  recordPublishFailure,
} from "@/db/queries/events/relay";
import { backoffDelay, pause } from "../nats/backoff";
import { describeError } from "../nats/describe-error";
import { type EventSink, feedOnlySink, type NatsSinkOptions, openNatsSink } from "./sinks";

export interface RelayOptions {
  /** Worker-role connection: the relay reads every district's outbox (policy `worker_relay`). */
  workerUrl: string;
  /** Absent: publish to the events feed only. */
  nats?: NatsSinkOptions;
  batchSize: number;
  /** How long an idle relay waits before looking for new rows again. */
  pollMs: number;
  log: (message: string) => void;
  /** Ceiling of the backoff while the broker is unreachable. */
  maxBackoffMs?: number;
}

export interface RunningRelay {
  stop: () => Promise<void>;
  /** Resolves after the next pass that found nothing to publish (tests wait on it). */
  idle: () => Promise<void>;
}

type Outcome =
  | { kind: "idle" }
  | { kind: "published"; count: number }
  | { kind: "failed"; error: unknown };

/**
 * One pass, in one transaction: claim a batch, hand each event on in order, then mark
 * what was handed on. When the broker fails part-way, the events handed on so far are still
 * marked and the failed one keeps its place (with the error), so nothing is lost or reordered.
 * A relay killed mid-batch marks nothing; its successor publishes the batch again and the
 * stream drops the copies by `Nats-Msg-Id`.
 */
export async function relayOnce(
  db: Database,
  sink: EventSink,
  batchSize: number,
): Promise<Outcome> {
  return db.transaction(async (tx) => {
    const events = await claimWaitingEvents(tx, {
      batchSize,
      scanPerDistrict: batchSize * 4,
    });
    if (events.length === 0) return { kind: "idle" } as const;
    const handedOn: ClaimedEvent[] = [];
    for (const event of events) {
      try {
        await sink.publish(event);
        handedOn.push(event);
      } catch (error) {
        await markPublished(tx, handedOn);
        await recordPublishFailure(tx, event, describeError(error));
        return { kind: "failed", error } as const;
      }
    }
    await markPublished(tx, handedOn);
    return { kind: "published", count: handedOn.length } as const;
  });
}

/**
 * Publishes committed outbox rows until stopped. Polls rather than relying on the clock of
 * commit: a transaction that commits late is simply found on a later pass, because waiting rows
 * are found by "not yet published", never by "newer than the last one seen".
 */
export function startRelay(options: RelayOptions): RunningRelay {
  const database = connect(options.workerUrl, { max: 2, applicationName: "northstar-relay" });
  const controller = new AbortController();
  const idleWaiters: (() => void)[] = [];
  let sink: EventSink | null = null;

  const openSink = async (): Promise<EventSink> => {
    if (sink?.usable()) return sink;
    sink = options.nats ? await openNatsSink(options.nats) : feedOnlySink;
    options.log(`relay: publishing to ${sink.description}`);
    return sink;
  };

  const loop = async () => {
    let failures = 0;
    while (!controller.signal.aborted) {
      let outcome: Outcome;
      try {
        outcome = await relayOnce(database.db, await openSink(), options.batchSize);
      } catch (error) {
        outcome = { kind: "failed", error };
      }
      if (outcome.kind === "failed") {
        failures += 1;
        const delay = backoffDelay(failures, 500, options.maxBackoffMs ?? 30_000);
        // One line when the trouble starts and then every few attempts, not one per retry.
        if (failures === 1 || failures % 10 === 0) {
          options.log(
            `relay: cannot publish (${describeError(outcome.error)}); events wait in the outbox, retry ${failures} in ${delay} ms`,
          );
        }
        const broken = sink;
        sink = null;
        await broken?.close().catch(() => {});
        await pause(delay, controller.signal);
        continue;
      }
      if (failures > 0) options.log(`relay: publishing again after ${failures} failed attempts`);
      failures = 0;
      if (outcome.kind === "idle") {
        for (const wake of idleWaiters.splice(0)) wake();
        await pause(options.pollMs, controller.signal);
      }
    }
  };

  const running = loop();
  return {
    idle: () => new Promise<void>((resolve) => idleWaiters.push(resolve)),
    async stop() {
      controller.abort();
      await running;
      await sink?.close().catch(() => {});
      await database.close();
    },
  };
}
