import type { OutboxEvent } from "@/db/queries/outbox";

/**
 * The CloudEvents 1.0 JSON envelope of a published event: the same document goes to NATS and
 * comes out of `GET /api/v1/events`, so a consumer can switch between the two without a change.
 */
export interface CloudEvent {
  specversion: "1.0";
  /** The outbox row's id; also the NATS `Nats-Msg-Id`, so consumers can de-duplicate by it. */
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
  datacontenttype: "application/json";
  data: unknown;
}

export const eventSource = (tenantId: string) => `/northstar/interventions/districts/${tenantId}`;

export function toCloudEvent(event: OutboxEvent): CloudEvent {
  return {
    specversion: "1.0",
    id: event.id,
    source: eventSource(event.tenantId),
    type: event.type,
    subject: event.subject,
    time: event.occurredAt.toISOString(),
    datacontenttype: "application/json",
    data: event.data,
  };
}
