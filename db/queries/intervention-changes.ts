import { and, eq } from "drizzle-orm";
import type { Tx } from "../client";
import { interventionFacilitators, interventions } from "../schema";
import { insertFacilitators } from "./interventions/writes";
import { ofGroup } from "./tenant-row";

export type StoredIntervention = typeof interventions.$inferSelect;

/** The intervention row, locked until the transaction ends: edits of one group queue up. */
export async function lockIntervention(
  tx: Tx,
  tenantId: string,
  id: string,
): Promise<StoredIntervention | null> {
  const [row] = await tx
    .select()
    .from(interventions)
    .where(and(eq(interventions.tenantId, tenantId), eq(interventions.id, id)))
    .for("update");
  return row ?? null;
}

/** Applies the changes and bumps the version, only if nobody did since `expectedVersion`. */
export async function updateInterventionRow(
  tx: Tx,
  tenantId: string,
  id: string,
  expectedVersion: number,
  changes: Partial<StoredIntervention>,
  now: Date,
): Promise<StoredIntervention | null> {
  const [row] = await tx
    .update(interventions)
    .set({ ...changes, version: expectedVersion + 1, updatedAt: now })
    .where(
      and(
        eq(interventions.tenantId, tenantId),
        eq(interventions.id, id),
        eq(interventions.version, expectedVersion),
      ),
    )
    .returning();
  return row ?? null;
}

export async function facilitatorIdsOf(
  tx: Tx,
  tenantId: string,
  interventionId: string,
): Promise<string[]> {
  const rows = await tx
    .select({ staffId: interventionFacilitators.staffId })
    .from(interventionFacilitators)
    .where(ofGroup(interventionFacilitators, tenantId, interventionId));
  return rows.map((r) => r.staffId).sort();
}

export async function replaceFacilitators(
  tx: Tx,
  tenantId: string,
  interventionId: string,
  staffIds: string[],
): Promise<void> {
  await tx
    .delete(interventionFacilitators)
    .where(ofGroup(interventionFacilitators, tenantId, interventionId));
  await insertFacilitators(tx, tenantId, interventionId, staffIds);
}
