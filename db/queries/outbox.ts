import { randomUUID } from "node:crypto";
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
      id: randomUUID(),
      type: event.type,
      subject: event.subject,
      data: event.data,
      occurredAt,
    })),
  );
}
