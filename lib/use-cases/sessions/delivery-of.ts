import type { Tx } from "@/db/client";
import { deliverySessions } from "@/db/queries/sessions/lists";
import { type DeliveryToDate, type Fidelity, fidelity } from "@/lib/domain/attendance";
import type { Weekday } from "@/lib/domain/calendar/dates";
import { plannedSessionCount } from "@/lib/domain/schedule/generate-sessions";
import { deliveryToDate } from "@/lib/domain/sessions/delivery";

export interface Delivery {
  delivery: DeliveryToDate;
  fidelity: Fidelity;
}

/** Sessions and minutes delivered against the plan, to date, for each intervention. */
export async function deliveryOf(
  tx: Tx,
  tenantId: string,
  plans: readonly { id: string; durationWeeks: number; scheduleDays: string[] }[],
  now: Date,
): Promise<Map<string, Delivery>> {
  const sessions = await deliverySessions(
    tx,
    tenantId,
    plans.map((p) => p.id),
  );
  // Grouped once: the district view passes every active group (lib/use-cases/reports), where a
  // scan of all sessions per group would grow with groups × sessions.
  const byIntervention = new Map<string, typeof sessions>();
  for (const session of sessions) {
    const list = byIntervention.get(session.interventionId);
    if (list) list.push(session);
    else byIntervention.set(session.interventionId, [session]);
  }
  return new Map(
    plans.map((plan) => {
      const delivery = deliveryToDate(
        byIntervention.get(plan.id) ?? [],
        plannedSessionCount(plan.durationWeeks, plan.scheduleDays as Weekday[]),
        now,
      );
      return [plan.id, { delivery, fidelity: fidelity(delivery) }];
    }),
  );
}
