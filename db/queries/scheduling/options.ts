import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "../../client";
import { interventionResources } from "../../schema";

/** What a group holds in each session, as the planning form edits it: resource and units. */
export async function resourceNeedsForForm(tx: Tx, tenantId: string, interventionId: string) {
  return tx
    .select({
      resourceId: interventionResources.resourceId,
      quantity: interventionResources.quantity,
    })
    .from(interventionResources)
    .where(
      and(
        eq(interventionResources.tenantId, tenantId),
        eq(interventionResources.interventionId, interventionId),
      ),
    )
    .orderBy(asc(interventionResources.resourceId));
}
