import { nowMs } from "@/lib/clock";
import type { DomainEvent } from "@/lib/domain/events";
import type { Tx } from "../client";
import { outbox } from "../schema";

/**
 * Writes events to the outbox in the caller's transaction. Nothing is sent from a request:
 * the relay publishes committed rows, so an event exists exactly when its change does.
 */
export async function enqueueEvents(
  tx: Tx,
  tenantId: string,
  occurredAt: Date,
  events: DomainEvent[],
): Promise<void> {
  if (events.length === 0) return;
  await tx.insert(outbox).values(
    events.map((event) => ({
      tenantId,
      // Time-ordered, so events of one transaction keep the order they were enqueued in.
      id: timeOrderedId(),
      type: event.type,
      subject: event.subject,
      data: event.data,
      occurredAt,
    })),
  );
}

let lastMillis = 0;
let counter = 0;

/**
 * A UUID version 7 whose byte order is the order of creation in this process (RFC 9562,
 * method 1: a 12-bit counter within the millisecond). Outbox rows of one transaction share
 * `created_at`, so the relay's `order by created_at, id` keeps them in the order they were
 * enqueued only because their ids are made by this.
 */
export function timeOrderedId(now: number = nowMs()): string {
  if (now > lastMillis) {
    lastMillis = now;
    counter = 0;
  } else if (++counter > 0xfff) {
    lastMillis += 1;
    counter = 0;
  }
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let millis = lastMillis;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = millis % 256;
    millis = Math.floor(millis / 256);
  }
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** An outbox event as it is handed on: what NATS and the events feed carry (as a CloudEvent). */
export interface OutboxEvent {
  tenantId: string;
  id: string;
  type: string;
  subject: string;
  data: unknown;
  occurredAt: Date;
}
