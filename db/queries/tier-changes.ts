import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "../client";
import { interventions, students, tierChanges } from "../schema";
import { returnedRow } from "./returned-row";

/** The student's current tier, locked so two tier changes of one student queue up. */
export async function lockStudentTier(tx: Tx, tenantId: string, studentId: string) {
  const [row] = await tx
    .select({ id: students.id, currentTier: students.currentTier })
    .from(students)
    .where(and(eq(students.tenantId, tenantId), eq(students.id, studentId)))
    .for("update");
  return row ?? null;
}

export async function interventionExists(
  tx: Tx,
  tenantId: string,
  interventionId: string,
): Promise<boolean> {
  const rows = await tx
    .select({ id: interventions.id })
    .from(interventions)
    .where(and(eq(interventions.tenantId, tenantId), eq(interventions.id, interventionId)));
  return rows.length > 0;
}

export async function insertTierChange(tx: Tx, change: typeof tierChanges.$inferInsert) {
  return returnedRow(await tx.insert(tierChanges).values(change).returning());
}

export async function setCurrentTier(
  tx: Tx,
  tenantId: string,
  studentId: string,
  tier: number,
): Promise<void> {
  await tx
    .update(students)
    .set({ currentTier: tier })
    .where(and(eq(students.tenantId, tenantId), eq(students.id, studentId)));
}

/** A student's tier decisions, oldest first: the tier history of the student's pages. */
export async function tierChangesOf(tx: Tx, tenantId: string, studentId: string) {
  return tx
    .select({
      date: tierChanges.decidedOn,
      fromTier: tierChanges.fromTier,
      toTier: tierChanges.toTier,
      decision: tierChanges.decision,
    })
    .from(tierChanges)
    .where(and(eq(tierChanges.tenantId, tenantId), eq(tierChanges.studentId, studentId)))
    .orderBy(asc(tierChanges.decidedOn), asc(tierChanges.createdAt));
}
