import { and, asc, eq, inArray, lte, type SQL } from "drizzle-orm";
import type { FollowUpStatus } from "@/lib/domain/decisions/kinds";
import type { Tx } from "../../client";
import { exitFollowUps, interventions, students } from "../../schema";
import { inGroupsFacilitatedBy } from "../facilitated-by";
import { tenantJoin } from "../tenant-join";
import { lockTenantRow, updateTenantRow } from "../tenant-row";

/** The weekly follow-up checks after an exit. */

export async function insertFollowUps(
  tx: Tx,
  rows: {
    tenantId: string;
    enrollmentId: string;
    interventionId: string;
    studentId: string;
    dueOn: string;
  }[],
) {
  if (rows.length === 0) return [];
  return tx.insert(exitFollowUps).values(rows).onConflictDoNothing().returning();
}

export interface FollowUpFilter {
  /** Only checks of the groups this staff member facilitates. */
  facilitatorStaffId?: string;
  /** Only checks due on or before this day (the dashboard shows what is due now). */
  dueBy?: string;
  statuses?: readonly FollowUpStatus[];
  id?: string;
}

export async function listFollowUps(tx: Tx, tenantId: string, filter: FollowUpFilter) {
  const conditions: SQL[] = [eq(exitFollowUps.tenantId, tenantId)];
  if (filter.id) conditions.push(eq(exitFollowUps.id, filter.id));
  if (filter.dueBy) conditions.push(lte(exitFollowUps.dueOn, filter.dueBy));
  if (filter.statuses) conditions.push(inArray(exitFollowUps.status, [...filter.statuses]));
  if (filter.facilitatorStaffId) {
    conditions.push(
      inGroupsFacilitatedBy(tx, exitFollowUps.interventionId, tenantId, filter.facilitatorStaffId),
    );
  }
  return tx
    .select({
      id: exitFollowUps.id,
      enrollmentId: exitFollowUps.enrollmentId,
      interventionId: exitFollowUps.interventionId,
      interventionName: interventions.name,
      studentId: exitFollowUps.studentId,
      studentFirstName: students.firstName,
      studentLastName: students.lastName,
      dueOn: exitFollowUps.dueOn,
      status: exitFollowUps.status,
      probeScore: exitFollowUps.probeScore,
      note: exitFollowUps.note,
      recordedAt: exitFollowUps.recordedAt,
    })
    .from(exitFollowUps)
    .innerJoin(interventions, tenantJoin(interventions.id, exitFollowUps.interventionId))
    .innerJoin(students, tenantJoin(students.id, exitFollowUps.studentId))
    .where(and(...conditions))
    .orderBy(asc(exitFollowUps.dueOn), asc(students.lastName), asc(exitFollowUps.id))
    .limit(500);
}

export async function lockFollowUp(tx: Tx, tenantId: string, id: string) {
  return lockTenantRow(tx, exitFollowUps, tenantId, id);
}

export async function recordFollowUpResult(
  tx: Tx,
  tenantId: string,
  id: string,
  change: {
    status: FollowUpStatus;
    probeScore: number | null;
    note: string | null;
    recordedBy: string;
    recordedAt: Date;
  },
) {
  return updateTenantRow(tx, exitFollowUps, tenantId, id, change);
}
