import { and, eq } from "drizzle-orm";
import type { Tx } from "../../client";
import {
  interventionEnrollments,
  interventionFacilitators,
  interventionResources,
  interventions,
} from "../../schema";
import { returnedRow } from "../returned-row";

/**
 * Creating a group and changing its roster: the rows written, and the lock that serializes roster
 * changes.
 */

export async function insertIntervention(
  tx: Tx,
  intervention: typeof interventions.$inferInsert,
): Promise<typeof interventions.$inferSelect> {
  return returnedRow(await tx.insert(interventions).values(intervention).returning());
}

export async function insertFacilitators(
  tx: Tx,
  tenantId: string,
  interventionId: string,
  staffIds: readonly string[],
): Promise<void> {
  await tx
    .insert(interventionFacilitators)
    .values(staffIds.map((staffId) => ({ tenantId, interventionId, staffId })));
}

/**
 * What the group needs for each session. Written before its sessions, so the sessions' insert
 * books the units at once (drizzle/0010_scheduling.sql); replacing them later books again.
 */
export async function replaceInterventionResources(
  tx: Tx,
  tenantId: string,
  interventionId: string,
  needs: readonly { resourceId: string; quantity: number }[],
): Promise<void> {
  await tx
    .delete(interventionResources)
    .where(
      and(
        eq(interventionResources.tenantId, tenantId),
        eq(interventionResources.interventionId, interventionId),
      ),
    );
  await insertInterventionResources(tx, tenantId, interventionId, needs);
}

/** What a new group needs for each session (it has nothing to replace yet). */
export async function insertInterventionResources(
  tx: Tx,
  tenantId: string,
  interventionId: string,
  needs: readonly { resourceId: string; quantity: number }[],
): Promise<void> {
  if (needs.length === 0) return;
  await tx
    .insert(interventionResources)
    .values(needs.map((need) => ({ tenantId, interventionId, ...need })));
}

/** Enrollment rows for these students, all from one date; returns each one's id. */
export async function insertEnrollments(
  tx: Tx,
  tenantId: string,
  interventionId: string,
  studentIds: readonly string[],
  enrollmentDate: string,
): Promise<{ id: string; studentId: string }[]> {
  return tx
    .insert(interventionEnrollments)
    .values(
      studentIds.map((studentId) => ({ tenantId, interventionId, studentId, enrollmentDate })),
    )
    .returning({ id: interventionEnrollments.id, studentId: interventionEnrollments.studentId });
}

/** Serializes changes to one intervention's roster until the transaction ends. */
export async function lockIntervention(
  tx: Tx,
  tenantId: string,
  interventionId: string,
): Promise<void> {
  await tx
    .select({ id: interventions.id })
    .from(interventions)
    .where(and(eq(interventions.tenantId, tenantId), eq(interventions.id, interventionId)))
    .for("update");
}
