import type { Database } from "@/db/client";
import { districtExists } from "@/db/queries/districts";
import { parkMessage, recordInboxEvent } from "@/db/queries/events/inbox";
import { withTenant } from "@/db/with-tenant";
import { fieldErrorsFromZod } from "@/lib/domain/errors/from-zod";
import { z } from "@/lib/domain/zod";
import { backoffDelay } from "../nats/backoff";
import { describeError } from "../nats/describe-error";
import { districtMismatch } from "./district-claims";
import type { InboundHandler } from "./handlers";
import { inboundEnvelopeSchema } from "./schemas";

export interface InboundMessage {
  subject: string;
  payload: string;
  /** 1 on first delivery; the broker counts redeliveries. */
  deliveryCount: number;
}

export type Verdict =
  | { kind: "applied" }
  | { kind: "duplicate" }
  | { kind: "parked"; reason: string }
  | { kind: "retry"; reason: string; delayMs: number };

class UnknownDistrictError extends Error {}

const districtIdSchema = z.uuid();

/**
 * Applies one consumed message at most once. The change and the inbox row that remembers the
 * event id commit in one transaction of the event's district, so a redelivery (after a crash
 * between commit and ack, or a publisher's retry) finds the id and changes nothing.
 * A message that can never apply (not JSON, wrong shape, unknown district, or naming a district
 * other than its subject's) is parked at once:
 * retrying would not change it. Anything else is retried with backoff and parked after
 * `maxAttempts` deliveries. Either way a parked message is acknowledged, so the rest keep flowing.
 */
export async function processInbound(
  db: Database,
  handler: InboundHandler,
  message: InboundMessage,
  maxAttempts: number,
): Promise<Verdict> {
  const park = async (reason: string): Promise<Verdict> => {
    await parkMessage(db, {
      subject: message.subject,
      payload: message.payload,
      reason,
      attempts: message.deliveryCount,
    });
    return { kind: "parked", reason };
  };

  const tokens = message.subject.split(".");
  const tenantId = tokens.at(-2) ?? "";
  if (tokens.at(-1) !== handler.type) {
    return park(`Subject ${message.subject} does not end in ${handler.type}`);
  }
  if (!districtIdSchema.safeParse(tenantId).success) {
    return park(`Subject ${message.subject} does not name a district id before the event type`);
  }
  let json: unknown;
  try {
    json = JSON.parse(message.payload);
  } catch {
    return park("The payload is not JSON (expected a CloudEvents 1.0 JSON envelope)");
  }
  const envelope = inboundEnvelopeSchema.safeParse(json);
  if (!envelope.success) {
    const problems = fieldErrorsFromZod(envelope.error).map((e) => `${e.path}: ${e.message}`);
    return park(`Not a CloudEvents 1.0 envelope: ${problems.join("; ")}`);
  }
  if (envelope.data.type !== handler.type) {
    return park(`CloudEvent type ${envelope.data.type} arrived on the ${handler.type} subject`);
  }
  const mismatch = districtMismatch(json, tenantId);
  if (mismatch) return park(mismatch);
  const parsed = handler.parse(envelope.data.data);
  if (!parsed.ok) return park(parsed.reason);

  try {
    const applied = await withTenant(db, { tenantId }, async (tx) => {
      if (!(await districtExists(tx, tenantId))) throw new UnknownDistrictError();
      const first = await recordInboxEvent(tx, {
        tenantId,
        eventId: envelope.data.id,
        type: handler.type,
        source: envelope.data.source,
      });
      if (first) await parsed.apply(tx, tenantId);
      return first;
    });
    return applied ? { kind: "applied" } : { kind: "duplicate" };
  } catch (error) {
    if (error instanceof UnknownDistrictError) return park(`Unknown district ${tenantId}`);
    const reason = describeError(error);
    if (message.deliveryCount >= maxAttempts) {
      return park(`Not applied after ${message.deliveryCount} attempts: ${reason}`);
    }
    return { kind: "retry", reason, delayMs: backoffDelay(message.deliveryCount, 1_000, 60_000) };
  }
}
