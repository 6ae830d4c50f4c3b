import type { Tx } from "@/db/client";
import type { AuditEntry } from "@/db/queries/audit";
import { insertEnrollments } from "@/db/queries/interventions/writes";
import { existingStudentIds } from "@/db/queries/people";
import { NotFoundError } from "@/lib/domain/errors";
import { type DomainEvent, studentSubject } from "@/lib/domain/events";
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
  /**
   * The `StudentEnrolledInInterventionEvent` of each, for the caller to enqueue with its own
   * events in one statement.
   */
  events: DomainEvent[];
}

/**
 * Enrolls students in the caller's transaction: enrollment rows and a letter queued to each
 * guardian (Scenario 8); one `StudentEnrolledInInterventionEvent` per student and the audit
 * entries are returned for the caller to write. Used by create and by
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
  if (studentIds.length === 0) return { studentIds: [], audit: [], events: [] };
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

  await queueEnrollmentLetters(tx, ctx, intervention.id, rows);
  return {
    studentIds: rows.map((row) => row.studentId),
    events: rows.map((row) => ({
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
    audit: rows.map((row) => ({
      action: "enrollment.created",
      entityType: "intervention_enrollment",
      entityId: row.id,
      studentId: row.studentId,
      after: { interventionId: intervention.id, studentId: row.studentId, enrollmentDate },
    })),
  };
}
