/** Creates a planned district's intervention groups through the use-cases, as specialists do. */

import type { Database } from "@/db/client";
import { actorById } from "@/db/queries/users";
import { withTenant } from "@/db/with-tenant";
import { instantAt, type LocalDate } from "@/lib/domain/calendar/dates";
import { createInterventionSchema } from "@/lib/domain/interventions/schemas";
import type { UseCaseContext } from "@/lib/use-cases/context";
import { createIntervention } from "@/lib/use-cases/interventions/create-intervention";
import { setMonitoringPlan } from "@/lib/use-cases/progress/set-monitoring-plan";
import type { DistrictPlan } from "./plan";

/** The request id the seed's audit rows and events carry. */
const REQUEST_ID = "demo-seed";

export interface CreatedGroup {
  id: string;
  startDate: LocalDate;
}

/** Each planned intervention, created by its specialist through the use-case at 09:00 "today". */
export async function createGroups(
  db: Database,
  plan: DistrictPlan,
  today: LocalDate,
): Promise<CreatedGroup[]> {
  const created: CreatedGroup[] = [];
  for (const group of plan.groups) {
    const actor = await withTenant(
      db,
      { tenantId: plan.tenantId, userId: group.creatorUserId },
      (tx) => actorById(tx, plan.tenantId, group.creatorUserId),
    );
    if (!actor) throw new Error(`The creator of ${group.name} was not seeded`);
    const ctx: UseCaseContext = {
      db,
      actor,
      now: () => instantAt(today, "09:00", plan.timeZone),
      requestId: REQUEST_ID,
    };
    const result = await createIntervention(ctx, createInterventionSchema.parse(group.input));
    if (group.monitoring) {
      await setMonitoringPlan(ctx, result.body.id, {
        ...group.monitoring,
        version: result.body.version,
      });
    }
    created.push({ id: result.body.id, startDate: result.body.startDate });
  }
  return created;
}
