import { and, eq, inArray, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Tx } from "../client";
import { interventionFacilitators } from "../schema";

/**
 * `groupColumn in (the groups this staff member facilitates in the district)`: the filter of a
 * list narrowed to one facilitator's groups (exit reviews, follow-ups, the groups list, a
 * person's calendar).
 */
export function inGroupsFacilitatedBy(
  tx: Tx,
  groupColumn: AnyPgColumn,
  tenantId: string,
  staffId: string,
): SQL {
  return inArray(
    groupColumn,
    tx
      .select({ id: interventionFacilitators.interventionId })
      .from(interventionFacilitators)
      .where(
        and(
          eq(interventionFacilitators.tenantId, tenantId),
          eq(interventionFacilitators.staffId, staffId),
        ),
      ),
  );
}
