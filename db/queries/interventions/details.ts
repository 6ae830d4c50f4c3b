import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "../../client";
import {
  interventionEnrollments,
  interventionFacilitators,
  interventionSessions,
  staff,
  students,
} from "../../schema";
import { tenantJoin } from "../tenant-join";
import { ofGroup } from "../tenant-row";

/** What a group is made of: its roster, its sessions, its facilitators. */

/** Who a roster row is; the district view's rosters (../effectiveness-inputs.ts) too. */
export const rosterStudentColumns = {
  studentId: students.id,
  firstName: students.firstName,
  lastName: students.lastName,
  grade: students.grade,
};

export async function interventionRoster(tx: Tx, tenantId: string, interventionId: string) {
  return tx
    .select({
      enrollmentId: interventionEnrollments.id,
      ...rosterStudentColumns,
      localId: students.localId,
      enrollmentDate: interventionEnrollments.enrollmentDate,
      isActive: interventionEnrollments.isActive,
    })
    .from(interventionEnrollments)
    .innerJoin(students, tenantJoin(students.id, interventionEnrollments.studentId))
    .where(ofGroup(interventionEnrollments, tenantId, interventionId))
    .orderBy(asc(students.lastName), asc(students.firstName));
}

export async function interventionSessionList(tx: Tx, tenantId: string, interventionId: string) {
  return tx
    .select({
      id: interventionSessions.id,
      sequence: interventionSessions.sequence,
      date: interventionSessions.sessionDate,
      startsAt: interventionSessions.startsAt,
      minutes: interventionSessions.minutes,
      status: interventionSessions.status,
      cancellationReason: interventionSessions.cancellationReason,
      makeupForSessionId: interventionSessions.makeupForSessionId,
    })
    .from(interventionSessions)
    .where(ofGroup(interventionSessions, tenantId, interventionId))
    .orderBy(asc(interventionSessions.startsAt));
}

export async function facilitatorsOf(tx: Tx, tenantId: string, interventionId: string) {
  return tx
    .select({
      id: staff.id,
      displayName: staff.displayName,
      email: staff.email,
      phone: staff.phone,
      title: staff.title,
    })
    .from(interventionFacilitators)
    .innerJoin(staff, tenantJoin(staff.id, interventionFacilitators.staffId))
    .where(ofGroup(interventionFacilitators, tenantId, interventionId))
    .orderBy(asc(staff.lastName), asc(staff.id));
}

export async function activelyEnrolledStudentIds(
  tx: Tx,
  tenantId: string,
  interventionId: string,
): Promise<Set<string>> {
  const rows = await tx
    .select({ studentId: interventionEnrollments.studentId })
    .from(interventionEnrollments)
    .where(
      and(
        ofGroup(interventionEnrollments, tenantId, interventionId),
        eq(interventionEnrollments.isActive, true),
      ),
    );
  return new Set(rows.map((r) => r.studentId));
}
