import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { ExitReviewStatus } from "@/lib/domain/decisions/kinds";
import type { Tx } from "../../client";
import {
  exitReviews,
  interventionFacilitators,
  interventions,
  students,
  users,
} from "../../schema";
import { inGroupsFacilitatedBy } from "../facilitated-by";
import { tenantJoin } from "../tenant-join";
import { lockTenantRow, ofGroup, tenantRow, updateTenantRow } from "../tenant-row";

/** Exit reviews: the open one of each enrollment, their list, a decision. */

export type ExitReviewRow = typeof exitReviews.$inferSelect;

/** The open review (eligible or recommended) of each of these enrollments. */
export async function openReviewsOf(tx: Tx, tenantId: string, enrollmentIds: readonly string[]) {
  if (enrollmentIds.length === 0) return [];
  return tx
    .select()
    .from(exitReviews)
    .where(
      and(
        eq(exitReviews.tenantId, tenantId),
        inArray(exitReviews.enrollmentId, [...enrollmentIds]),
        inArray(exitReviews.status, ["eligible", "recommended"]),
      ),
    );
}

export async function insertEligibleReview(
  tx: Tx,
  row: {
    tenantId: string;
    enrollmentId: string;
    interventionId: string;
    studentId: string;
    criteria: unknown;
    eligibleOn: string;
    evaluatedAt: Date;
  },
) {
  // Another evaluation may have flagged the enrollment a moment ago: one open review each.
  const rows = await tx
    .insert(exitReviews)
    .values({ ...row, status: "eligible" })
    .onConflictDoNothing()
    .returning();
  return rows[0] ?? null;
}

export async function refreshReviewCriteria(
  tx: Tx,
  tenantId: string,
  id: string,
  criteria: unknown,
  evaluatedAt: Date,
) {
  await tx
    .update(exitReviews)
    .set({ criteria, evaluatedAt })
    .where(tenantRow(exitReviews, tenantId, id));
}

/** An eligible review whose data no longer holds is withdrawn (a recommended one waits for a decision). */
export async function withdrawEligibleReview(tx: Tx, tenantId: string, id: string) {
  await tx
    .delete(exitReviews)
    .where(
      and(
        eq(exitReviews.tenantId, tenantId),
        eq(exitReviews.id, id),
        eq(exitReviews.status, "eligible"),
      ),
    );
}

/** One review, locked for a decision. */
export async function lockReview(tx: Tx, tenantId: string, id: string) {
  return lockTenantRow(tx, exitReviews, tenantId, id);
}

export async function updateReview(
  tx: Tx,
  tenantId: string,
  id: string,
  change: Partial<
    Pick<
      ExitReviewRow,
      | "status"
      | "criteria"
      | "recommendedBy"
      | "recommendedAt"
      | "recommendationNote"
      | "decidedBy"
      | "decidedAt"
      | "decisionReason"
    >
  >,
) {
  return updateTenantRow(tx, exitReviews, tenantId, id, change);
}

/** Whether this staff member facilitates the group. */
export async function facilitatesGroup(
  tx: Tx,
  tenantId: string,
  interventionId: string,
  staffId: string | null,
): Promise<boolean> {
  if (!staffId) return false;
  const rows = await tx
    .select({ one: sql`1` })
    .from(interventionFacilitators)
    .where(
      and(
        ofGroup(interventionFacilitators, tenantId, interventionId),
        eq(interventionFacilitators.staffId, staffId),
      ),
    );
  return rows.length > 0;
}

export interface ReviewListFilter {
  statuses: readonly ExitReviewStatus[];
  /** Only the groups this staff member facilitates. */
  facilitatorStaffId?: string;
  id?: string;
  limit?: number;
}

const recommender = sql<string | null>`(select u.name from ${users} u
  where u.tenant_id = "intervention"."exit_reviews"."tenant_id"
    and u.id = "intervention"."exit_reviews"."recommended_by")`;
const decider = sql<string | null>`(select u.name from ${users} u
  where u.tenant_id = "intervention"."exit_reviews"."tenant_id"
    and u.id = "intervention"."exit_reviews"."decided_by")`;

/** Reviews with the student's and group's names, oldest flag first. */
export async function listReviews(tx: Tx, tenantId: string, filter: ReviewListFilter) {
  const conditions: SQL[] = [
    eq(exitReviews.tenantId, tenantId),
    inArray(exitReviews.status, [...filter.statuses]),
  ];
  if (filter.id) conditions.push(eq(exitReviews.id, filter.id));
  if (filter.facilitatorStaffId) {
    conditions.push(
      inGroupsFacilitatedBy(tx, exitReviews.interventionId, tenantId, filter.facilitatorStaffId),
    );
  }
  const decided = filter.statuses.every((s) => s === "approved" || s === "declined");
  return tx
    .select({
      id: exitReviews.id,
      enrollmentId: exitReviews.enrollmentId,
      interventionId: exitReviews.interventionId,
      interventionName: interventions.name,
      studentId: exitReviews.studentId,
      studentFirstName: students.firstName,
      studentLastName: students.lastName,
      studentGrade: students.grade,
      status: exitReviews.status,
      criteria: exitReviews.criteria,
      eligibleOn: exitReviews.eligibleOn,
      evaluatedAt: exitReviews.evaluatedAt,
      recommendedBy: exitReviews.recommendedBy,
      recommendedByName: recommender,
      recommendedAt: exitReviews.recommendedAt,
      recommendationNote: exitReviews.recommendationNote,
      decidedBy: exitReviews.decidedBy,
      decidedByName: decider,
      decidedAt: exitReviews.decidedAt,
      decisionReason: exitReviews.decisionReason,
    })
    .from(exitReviews)
    .innerJoin(interventions, tenantJoin(interventions.id, exitReviews.interventionId))
    .innerJoin(students, tenantJoin(students.id, exitReviews.studentId))
    .where(and(...conditions))
    .orderBy(
      decided ? desc(exitReviews.decidedAt) : asc(exitReviews.eligibleOn),
      asc(students.lastName),
      asc(exitReviews.id),
    )
    .limit(filter.limit ?? 200);
}

export type ExitReviewListRow = Awaited<ReturnType<typeof listReviews>>[number];

/** When each of these enrollments' latest declined review was decided. */
export async function lastDeclinedOf(tx: Tx, tenantId: string, enrollmentIds: readonly string[]) {
  if (enrollmentIds.length === 0) return [];
  return tx
    .selectDistinctOn([exitReviews.enrollmentId], {
      enrollmentId: exitReviews.enrollmentId,
      decidedAt: exitReviews.decidedAt,
    })
    .from(exitReviews)
    .where(
      and(
        eq(exitReviews.tenantId, tenantId),
        inArray(exitReviews.enrollmentId, [...enrollmentIds]),
        eq(exitReviews.status, "declined"),
      ),
    )
    .orderBy(exitReviews.enrollmentId, desc(exitReviews.decidedAt));
}
