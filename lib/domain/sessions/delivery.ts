import type { DeliveryToDate } from "../attendance";

export type SessionStatus = "scheduled" | "held" | "cancelled";

export interface SessionForDelivery {
  readonly sequence: number;
  readonly status: SessionStatus;
  readonly startsAt: Date;
  readonly minutes: number;
}

/**
 * Sessions numbered past the planned series were added later (make-ups): the plan's count is
 * weeks × sessions per week (docs/domain.md), and added sessions continue the numbering.
 */
export function isMakeupSession(sequence: number, plannedCount: number): boolean {
  return sequence > plannedCount;
}

/**
 * Fidelity's inputs as of `now`. The plan's sessions that have begun (or were held early) are
 * "scheduled to date", cancelled ones included: a cancelled session is dose the students did not
 * get. Held sessions count whether planned or make-up, since a make-up restores that dose; but
 * sessions beyond the plan cannot lift delivery above 100%.
 */
export function deliveryToDate(
  sessions: readonly SessionForDelivery[],
  plannedCount: number,
  now: Date,
): DeliveryToDate {
  let sessionsScheduledToDate = 0;
  let minutesPlanned = 0;
  let sessionsHeld = 0;
  let minutesDelivered = 0;
  for (const session of sessions) {
    const held = session.status === "held";
    const due = held || session.startsAt.getTime() <= now.getTime();
    if (!isMakeupSession(session.sequence, plannedCount) && due) {
      sessionsScheduledToDate += 1;
      minutesPlanned += session.minutes;
    }
    if (held) {
      sessionsHeld += 1;
      minutesDelivered += session.minutes;
    }
  }
  return {
    sessionsScheduledToDate,
    minutesPlanned,
    sessionsHeld: Math.min(sessionsHeld, sessionsScheduledToDate),
    minutesDelivered: Math.min(minutesDelivered, minutesPlanned),
  };
}
