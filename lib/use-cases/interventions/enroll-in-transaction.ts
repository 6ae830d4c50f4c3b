import type { Tx } from "@/db/client";
import type { AuditEntry } from "@/db/queries/audit";
import { insertEnrollments } from "@/db/queries/interventions/writes";
import { enqueueEvents } from "@/db/queries/outbox";
import { existingStudentIds } from "@/db/queries/people";
import { NotFoundError } from "@/lib/domain/errors";
import { studentSubject } from "@/lib/domain/events";
import { queueEnrollmentLetters } from "../communications/queue-enrollment-letters";
import type { UseCaseContext } from "../context";

export interface EnrollmentTarget {
  id: string;
  tier: number;
}

export interface Enrolled {
  studentIds: string[];
  /**
   * The audit rows of these enrollments, for the caller to append as the last write of its
   * transaction: the audit trigger locks the district's hash chain until commit, so the later
   * it runs, the less other writers of the district wait.
   */
  audit: AuditEntry[];
}

/**
 * Enrolls students in the caller's transaction: enrollment rows, one
 * `StudentEnrolledInInterventionEvent` per student, a letter queued to each guardian
 * (Scenario 8), and the audit entries returned for the caller to append. Used by create and by
 * enroll, so both paths leave the same trail. Students of another district are "not found",
 * and nothing is written.
 */
export async function enrollInTransaction(
  tx: Tx,
  ctx: UseCaseContext,
  intervention: EnrollmentTarget,
  studentIds: string[],
  enrollmentDate: string,
): Promise<Enrolled> {
  if (studentIds.length === 0) return { studentIds: [], audit: [] };
  const { tenantId } = ctx.actor;
  const found = await existingStudentIds(tx, tenantId, studentIds);
  const missing = studentIds.flatMap((id, index) => (found.has(id) ? [] : [{ id, index }]));
  if (missing.length > 0) {
    throw new NotFoundError(
      "Student",
      `${missing.length === 1 ? "A student was" : `${missing.length} students were`} not found in your district.`,
      missing.map(({ index }) => ({
        path: `studentIds.${index}`,
        message: "No such student in your district.",
      })),
    );
  }

  const rows = await insertEnrollments(tx, tenantId, intervention.id, studentIds, enrollmentDate);

  await enqueueEvents(
    tx,
    tenantId,
    ctx.now(),
    rows.map((row) => ({
      type: "StudentEnrolledInInterventionEvent" as const,
      subject: studentSubject(row.studentId),
      data: {
        enrollmentId: row.id,
        interventionId: intervention.id,
        studentId: row.studentId,
        tier: intervention.tier,
        enrollmentDate,
      },
    })),
  );
  await queueEnrollmentLetters(tx, ctx, intervention.id, rows);
  return {
    studentIds: rows.map((row) => row.studentId),
    audit: rows.map((row) => ({
      action: "enrollment.created",
      entityType: "intervention_enrollment",
      entityId: row.id,
      studentId: row.studentId,
      after: { interventionId: intervention.id, studentId: row.studentId, enrollmentDate },
    })),
  };
}
