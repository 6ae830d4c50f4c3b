import type { Tx } from "@/db/client";
import type { AuditEntry } from "@/db/queries/audit";
import { endEnrollments } from "@/db/queries/exits/endings";
import { openReviewsOf, updateReview } from "@/db/queries/exits/reviews";
import { enqueueEvents } from "@/db/queries/outbox";
import { studentSubject } from "@/lib/domain/events";
import type { ExitReason } from "@/lib/domain/exit";

export interface EndedEnrollment {
  id: string;
  interventionId: string;
  studentId: string;
  enrollmentDate: string;
}

/**
 * Ends enrollments in the caller's transaction: inactive from `exitDate` with the reason, one
 * `StudentExitedInterventionEvent` each, and any open exit review closed (declined, naming the
 * ending) unless the caller decides it. Returns the ended rows and their audit entries for the
 * caller to append last.
 */
export async function endEnrollmentsInTransaction(
  tx: Tx,
  tenantId: string,
  now: Date,
  enrollmentIds: readonly string[],
  exitDate: string,
  exitReason: ExitReason,
  options: { keepReviewId?: string; decidedBy?: string | null } = {},
): Promise<{ ended: EndedEnrollment[]; audit: AuditEntry[] }> {
  const ended = await endEnrollments(tx, tenantId, enrollmentIds, exitDate, exitReason);
  if (ended.length === 0) return { ended, audit: [] };
  const audit: AuditEntry[] = [];
  for (const review of await openReviewsOf(
    tx,
    tenantId,
    ended.map((e) => e.id),
  )) {
    if (review.id === options.keepReviewId) continue;
    await updateReview(tx, tenantId, review.id, {
      status: "declined",
      decidedBy: options.decidedBy ?? null,
      decidedAt: now,
      decisionReason: `The enrollment ended: ${exitReason}.`,
    });
    audit.push({
      action: "exit-review.closed",
      entityType: "exit_review",
      entityId: review.id,
      studentId: review.studentId,
      before: { status: review.status },
      after: { status: "declined" },
      reason: `The enrollment ended: ${exitReason}.`,
    });
  }
  await enqueueEvents(
    tx,
    tenantId,
    now,
    ended.map((row) => ({
      type: "StudentExitedInterventionEvent" as const,
      subject: studentSubject(row.studentId),
      data: {
        enrollmentId: row.id,
        interventionId: row.interventionId,
        studentId: row.studentId,
        exitDate,
        exitReason,
      },
    })),
  );
  for (const row of ended) {
    audit.push({
      action: "enrollment.ended",
      entityType: "intervention_enrollment",
      entityId: row.id,
      studentId: row.studentId,
      before: { isActive: true },
      after: { isActive: false, exitDate, exitReason, interventionId: row.interventionId },
      reason: exitReason,
    });
  }
  return { ended, audit };
}
