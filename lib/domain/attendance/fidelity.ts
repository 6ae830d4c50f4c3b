import { ratio } from "./ratio";

/** Below this share of planned delivery, outcome data says more about delivery than about the intervention. */
export const FIDELITY_THRESHOLD = 0.8;

export interface DeliveryToDate {
  readonly sessionsScheduledToDate: number;
  readonly sessionsHeld: number;
  readonly minutesPlanned: number;
  readonly minutesDelivered: number;
}

export interface Fidelity {
  readonly sessionRate: number | null;
  readonly minutesRate: number | null;
  readonly threshold: number;
  /**
   * False when either rate is unknown: with nothing scheduled yet there is no evidence that the
   * intervention was delivered, so its outcome data cannot be relied on either.
   */
  readonly trusted: boolean;
}

export function fidelity(delivery: DeliveryToDate, threshold = FIDELITY_THRESHOLD): Fidelity {
  const sessionRate = ratio(delivery.sessionsHeld, delivery.sessionsScheduledToDate);
  const minutesRate = ratio(delivery.minutesDelivered, delivery.minutesPlanned);
  const trusted =
    sessionRate !== null &&
    minutesRate !== null &&
    sessionRate >= threshold &&
    minutesRate >= threshold;
  return { sessionRate, minutesRate, threshold, trusted };
}
