import { and, eq, inArray, lt, or, sql } from "drizzle-orm";
import type { Tx } from "../../client";
import { auditLog, interventionEnrollments, interventions } from "../../schema";
import type { AuditEntry } from "../audit";
import { ofGroup } from "../tenant-row";

/** Ending enrollments and groups, and the audit rows of the jobs that do it. */

/** The enrollment, locked, if it belongs to this group and student and is still active. */
export async function lockActiveEnrollment(
  tx: Tx,
  tenantId: string,
  where: { id?: string; interventionId?: string; studentId?: string },
) {
  const conditions = [
    eq(interventionEnrollments.tenantId, tenantId),
    eq(interventionEnrollments.isActive, true),
  ];
  if (where.id) conditions.push(eq(interventionEnrollments.id, where.id));
  if (where.interventionId)
    conditions.push(eq(interventionEnrollments.interventionId, where.interventionId));
  if (where.studentId) conditions.push(eq(interventionEnrollments.studentId, where.studentId));
  const [row] = await tx
    .select()
    .from(interventionEnrollments)
    .where(and(...conditions))
    .for("update");
  return row ?? null;
}

/** Ends enrollments: inactive from `exitDate`, with the reason. Returns the rows ended. */
export async function endEnrollments(
  tx: Tx,
  tenantId: string,
  enrollmentIds: readonly string[],
  exitDate: string,
  exitReason: string,
) {
  if (enrollmentIds.length === 0) return [];
  return tx
    .update(interventionEnrollments)
    .set({ isActive: false, exitDate, exitReason })
    .where(
      and(
        eq(interventionEnrollments.tenantId, tenantId),
        inArray(interventionEnrollments.id, [...enrollmentIds]),
        eq(interventionEnrollments.isActive, true),
      ),
    )
    .returning({
      id: interventionEnrollments.id,
      interventionId: interventionEnrollments.interventionId,
      studentId: interventionEnrollments.studentId,
      enrollmentDate: interventionEnrollments.enrollmentDate,
    });
}

/**
 * Groups that are over: active or planned with their last day before today (they become
 * `completed`), and groups already completed or cancelled that still have active enrollments.
 */
export async function groupsToComplete(
  tx: Tx,
  tenantId: string,
  today: string,
  onlyIds?: readonly string[],
) {
  return tx
    .select({
      id: interventions.id,
      status: interventions.status,
      endDate: interventions.endDate,
      goalValue: interventions.goalValue,
    })
    .from(interventions)
    .where(
      and(
        eq(interventions.tenantId, tenantId),
        onlyIds ? inArray(interventions.id, [...onlyIds]) : undefined,
        or(
          and(
            inArray(interventions.status, ["active", "planned"]),
            lt(interventions.endDate, today),
          ),
          and(
            inArray(interventions.status, ["completed", "cancelled"]),
            sql`exists (select 1 from ${interventionEnrollments} e
              where e.tenant_id = ${interventions.tenantId} and e.intervention_id = ${interventions.id}
                and e.is_active)`,
          ),
        ),
      ),
    )
    .for("update");
}

export async function markCompleted(tx: Tx, tenantId: string, interventionId: string) {
  await tx
    .update(interventions)
    .set({ status: "completed", version: sql`${interventions.version} + 1` })
    .where(and(eq(interventions.tenantId, tenantId), eq(interventions.id, interventionId)));
}

export async function activeEnrollmentsOfGroup(tx: Tx, tenantId: string, interventionId: string) {
  return tx
    .select({ id: interventionEnrollments.id, studentId: interventionEnrollments.studentId })
    .from(interventionEnrollments)
    .where(
      and(
        ofGroup(interventionEnrollments, tenantId, interventionId),
        eq(interventionEnrollments.isActive, true),
      ),
    );
}

/**
 * Audit rows of a scheduled job: no signed-in person, so no user; the role says `system` and the
 * request id names the job. Appended last, like every audit write.
 */
export async function appendSystemAudit(
  tx: Tx,
  tenantId: string,
  requestId: string,
  occurredAt: Date,
  entries: AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(auditLog).values(
    entries.map((entry) => ({
      tenantId,
      occurredAt,
      actorUserId: null,
      actorRole: "system",
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      studentId: entry.studentId ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
      reason: entry.reason ?? null,
      requestId,
    })),
  );
}
