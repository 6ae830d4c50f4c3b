import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "../client";
import { interventions, students, tierChanges, users } from "../schema";
import { returnedRow } from "./returned-row";
import { tenantJoin } from "./tenant-join";

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

/** Whether the student has any tier decision on record (a `start` is a first placement). */
export async function hasTierDecision(tx: Tx, tenantId: string, studentId: string) {
  const rows = await tx
    .select({ id: tierChanges.id })
    .from(tierChanges)
    .where(and(eq(tierChanges.tenantId, tenantId), eq(tierChanges.studentId, studentId)))
    .limit(1);
  return rows.length > 0;
}

const decisionColumns = {
  id: tierChanges.id,
  studentId: tierChanges.studentId,
  date: tierChanges.decidedOn,
  fromTier: tierChanges.fromTier,
  toTier: tierChanges.toTier,
  decision: tierChanges.decision,
  justification: tierChanges.justification,
  team: tierChanges.team,
  lowFidelityReason: tierChanges.lowFidelityReason,
  interventionId: tierChanges.interventionId,
  interventionName: interventions.name,
  decidedByName: users.name,
  createdAt: tierChanges.createdAt,
};

/**
 * A student's tier decisions with what the team wrote (justification, team, reason to go on at
 * low fidelity), oldest first; the snapshot is read one decision at a time (tierDecisionOf).
 */
export async function tierDecisionsOf(tx: Tx, tenantId: string, studentId: string) {
  return tx
    .select(decisionColumns)
    .from(tierChanges)
    .leftJoin(interventions, tenantJoin(interventions.id, tierChanges.interventionId))
    .leftJoin(users, tenantJoin(users.id, tierChanges.decidedBy))
    .where(and(eq(tierChanges.tenantId, tenantId), eq(tierChanges.studentId, studentId)))
    .orderBy(asc(tierChanges.decidedOn), asc(tierChanges.createdAt));
}

/** One decision of a student, with its stored snapshot. */
export async function tierDecisionOf(
  tx: Tx,
  tenantId: string,
  studentId: string,
  decisionId: string,
) {
  const [row] = await tx
    .select({ ...decisionColumns, dataSnapshot: tierChanges.dataSnapshot })
    .from(tierChanges)
    .leftJoin(interventions, tenantJoin(interventions.id, tierChanges.interventionId))
    .leftJoin(users, tenantJoin(users.id, tierChanges.decidedBy))
    .where(
      and(
        eq(tierChanges.tenantId, tenantId),
        eq(tierChanges.studentId, studentId),
        eq(tierChanges.id, decisionId),
      ),
    );
  return row ?? null;
}
