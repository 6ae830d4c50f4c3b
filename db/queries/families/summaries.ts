import { and, asc, eq, gte, inArray, lte, or, sql } from "drizzle-orm";
import type { Tx } from "../../client";
import {
  interventionEnrollments,
  interventionSessions,
  interventions,
  progressSummaries,
  progressSummaryHolds,
  reportingPeriods,
  sessionAttendance,
} from "../../schema";
import { guardianReachesStudent } from "../guardian-links";
import { tenantJoin } from "../tenant-join";
import { ofGroups } from "../tenant-row";

/**
 * Students enrolled at some point of [from, to] in a group that ran then (not cancelled):
 * whose families get the period's summary.
 */
export async function studentsInGroupsDuring(tx: Tx, tenantId: string, from: string, to: string) {
  const rows = await tx
    .selectDistinct({ studentId: interventionEnrollments.studentId })
    .from(interventionEnrollments)
    .innerJoin(interventions, tenantJoin(interventions.id, interventionEnrollments.interventionId))
    .where(
      and(
        eq(interventionEnrollments.tenantId, tenantId),
        lte(interventionEnrollments.enrollmentDate, to),
        or(eq(interventionEnrollments.isActive, true), gte(interventionEnrollments.exitDate, from)),
        lte(interventions.startDate, to),
        sql`${interventions.status} <> 'cancelled'`,
      ),
    )
    .orderBy(asc(interventionEnrollments.studentId));
  return rows.map((r) => r.studentId);
}

/** The `student|guardian` pairs that already have the period's summary (sent or held). */
export async function summarizedPairs(tx: Tx, tenantId: string, periodId: string) {
  const rows = await tx
    .select({ studentId: progressSummaries.studentId, guardianId: progressSummaries.guardianId })
    .from(progressSummaries)
    .where(and(eq(progressSummaries.tenantId, tenantId), eq(progressSummaries.periodId, periodId)));
  return new Set(rows.map((r) => `${r.studentId}|${r.guardianId}`));
}

/** The one hold a period may have on a student's summaries. */
function holdKey(tenantId: string, periodId: string, studentId: string) {
  return and(
    eq(progressSummaryHolds.tenantId, tenantId),
    eq(progressSummaryHolds.periodId, periodId),
    eq(progressSummaryHolds.studentId, studentId),
  );
}

export async function holdOf(tx: Tx, tenantId: string, periodId: string, studentId: string) {
  const [row] = await tx
    .select()
    .from(progressSummaryHolds)
    .where(holdKey(tenantId, periodId, studentId));
  return row ?? null;
}

export async function insertHold(
  tx: Tx,
  row: { tenantId: string; periodId: string; studentId: string; reason: string; heldBy: string },
) {
  await tx.insert(progressSummaryHolds).values(row).onConflictDoNothing();
}

export async function deleteHold(tx: Tx, tenantId: string, periodId: string, studentId: string) {
  await tx.delete(progressSummaryHolds).where(holdKey(tenantId, periodId, studentId));
}

/**
 * Writes the summary unless it exists: the unique index (period, student, guardian) makes a
 * second worker's or a restarted run's insert a no-op. Returns the new row's id, or null.
 */
export async function insertSummaryOnce(
  tx: Tx,
  row: typeof progressSummaries.$inferInsert,
): Promise<string | null> {
  const [inserted] = await tx
    .insert(progressSummaries)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: progressSummaries.id });
  return inserted?.id ?? null;
}

export async function linkSummaryCommunication(
  tx: Tx,
  tenantId: string,
  summaryId: string,
  communicationId: string,
) {
  await tx
    .update(progressSummaries)
    .set({ communicationId })
    .where(and(eq(progressSummaries.tenantId, tenantId), eq(progressSummaries.id, summaryId)));
}

/** The sessions dated within the period, both ends included. */
function sessionsBetween(period: { from: string; to: string }) {
  return and(
    gte(interventionSessions.sessionDate, period.from),
    lte(interventionSessions.sessionDate, period.to),
  );
}

/**
 * For each of the groups, what the period held for the student: the sessions held, the
 * student's marks, and the group's next scheduled session after `today`.
 */
export async function activityDuring(
  tx: Tx,
  tenantId: string,
  studentId: string,
  interventionIds: readonly string[],
  period: { from: string; to: string },
  today: string,
) {
  if (interventionIds.length === 0) return new Map<string, never>();
  const ids = [...interventionIds];
  const [held, marks, next] = await Promise.all([
    tx
      .select({
        interventionId: interventionSessions.interventionId,
        count: sql<number>`count(*)::int`,
      })
      .from(interventionSessions)
      .where(
        and(
          ofGroups(interventionSessions, tenantId, ids),
          eq(interventionSessions.status, "held"),
          sessionsBetween(period),
        ),
      )
      .groupBy(interventionSessions.interventionId),
    tx
      .select({
        interventionId: interventionSessions.interventionId,
        status: sessionAttendance.status,
      })
      .from(sessionAttendance)
      .innerJoin(
        interventionSessions,
        tenantJoin(interventionSessions.id, sessionAttendance.sessionId),
      )
      .where(
        and(
          eq(sessionAttendance.tenantId, tenantId),
          eq(sessionAttendance.studentId, studentId),
          inArray(interventionSessions.interventionId, ids),
          sessionsBetween(period),
        ),
      ),
    tx
      .select({
        interventionId: interventionSessions.interventionId,
        date: sql<string>`min(${interventionSessions.sessionDate})::text`,
      })
      .from(interventionSessions)
      .where(
        and(
          ofGroups(interventionSessions, tenantId, ids),
          eq(interventionSessions.status, "scheduled"),
          sql`${interventionSessions.sessionDate} > ${today}`,
        ),
      )
      .groupBy(interventionSessions.interventionId),
  ]);
  return new Map(
    ids.map((id) => [
      id,
      {
        sessionsHeld: held.find((h) => h.interventionId === id)?.count ?? 0,
        marks: marks.filter((m) => m.interventionId === id).map((m) => m.status),
        nextSession: next.find((n) => n.interventionId === id)?.date ?? null,
      },
    ]),
  );
}

/** A guardian's summaries of a child, newest period first (the portal and the staff page). */
export async function summariesOfStudent(tx: Tx, tenantId: string, studentId: string) {
  return tx
    .select({
      id: progressSummaries.id,
      guardianId: progressSummaries.guardianId,
      status: progressSummaries.status,
      language: progressSummaries.language,
      content: progressSummaries.content,
      communicationId: progressSummaries.communicationId,
      periodName: reportingPeriods.name,
      endsOn: reportingPeriods.endsOn,
      createdAt: progressSummaries.createdAt,
    })
    .from(progressSummaries)
    .innerJoin(reportingPeriods, tenantJoin(reportingPeriods.id, progressSummaries.periodId))
    .where(
      and(eq(progressSummaries.tenantId, tenantId), eq(progressSummaries.studentId, studentId)),
    )
    .orderBy(sql`${reportingPeriods.endsOn} desc`);
}

/**
 * The summary a letter carried, for its reader: the guardian it was written to (through an
 * open link to the child), or anyone of the district when `guardianId` is null (staff).
 */
export async function summaryOfLetter(
  tx: Tx,
  tenantId: string,
  communicationId: string,
  guardianId: string | null,
) {
  const [row] = await tx
    .select({
      content: progressSummaries.content,
      studentId: progressSummaries.studentId,
      periodName: reportingPeriods.name,
    })
    .from(progressSummaries)
    .innerJoin(reportingPeriods, tenantJoin(reportingPeriods.id, progressSummaries.periodId))
    .where(
      and(
        eq(progressSummaries.tenantId, tenantId),
        eq(progressSummaries.communicationId, communicationId),
        guardianId === null
          ? undefined
          : and(
              eq(progressSummaries.guardianId, guardianId),
              guardianReachesStudent(
                progressSummaries.tenantId,
                progressSummaries.studentId,
                guardianId,
              ),
            ),
      ),
    );
  return row ?? null;
}
