import type { DomainEvent } from "@/lib/domain/events";
import type { Tx } from "../client";
import { outbox } from "../schema";
import { timeOrderedId } from "./events";

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
