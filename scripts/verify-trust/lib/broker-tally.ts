/**
 * Counting what a consumer got from the stream against what was written to the outbox (the
 * broker check). Pure: ids in, figures out.
 */
import type { TrustRow } from "../types";

export interface BrokerTally {
  written: number;
  /** Distinct written events the consumer applied (its inbox recorded them). */
  applied: number;
  /** Written events never applied. */
  lost: number;
  /** Inbox rows beyond one per event: an event applied twice. */
  duplicatedEffects: number;
  /** Messages the stream delivered beyond one per event. */
  rawDuplicates: number;
}

/**
 * `deliveries` lists the event id of every message the consumer received, in order; `effects`
 * the event ids the consumer's inbox holds afterwards (one per applied event, or more if an
 * event were applied twice).
 */
export function tallyDeliveries(
  written: readonly string[],
  deliveries: readonly string[],
  effects: readonly string[],
): BrokerTally {
  const writtenSet = new Set(written);
  const ours = (id: string) => writtenSet.has(id);
  const appliedSet = new Set(effects.filter(ours));
  return {
    written: writtenSet.size,
    applied: appliedSet.size,
    lost: [...writtenSet].filter((id) => !appliedSet.has(id)).length,
    duplicatedEffects: effects.filter(ours).length - appliedSet.size,
    rawDuplicates: deliveries.filter(ours).length - new Set(deliveries.filter(ours)).size,
  };
}

export function brokerRows(
  tally: BrokerTally,
  outage: { seconds: number; writtenDuring: number; heldAtRestart: number; drainSeconds: number },
): TrustRow[] {
  return [
    {
      area: "broker",
      check: `NATS killed for ${outage.seconds} s while events are written`,
      figure: `${tally.applied} of ${tally.written} applied (${outage.writtenDuring} written while down, ${outage.heldAtRestart} waiting at restart, drained in ${outage.drainSeconds} s): ${tally.lost} lost, ${tally.duplicatedEffects} duplicated effects`,
      // Nothing waiting at the restart would mean the outage was not felt: no proof at all.
      ok:
        outage.heldAtRestart > 0 &&
        tally.written > 0 &&
        tally.lost === 0 &&
        tally.duplicatedEffects === 0,
    },
    {
      area: "broker",
      check: "copies the stream delivered (Nats-Msg-Id)",
      figure: `${tally.rawDuplicates} duplicate deliveries of ${tally.written} events`,
      ok: tally.rawDuplicates === 0,
    },
  ];
}
