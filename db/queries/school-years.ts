import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import type { Tx } from "../client";
import {
  interventionEnrollments,
  interventionFacilitators,
  interventionSessions,
  interventions,
  schoolYears,
  staff,
  students,
  tierChanges,
} from "../schema";
import { ofGroup } from "./tenant-row";

/** The district's school years, earliest first. */
export async function schoolYearsOf(tx: Tx, tenantId: string) {
  return tx
    .select()
    .from(schoolYears)
    .where(eq(schoolYears.tenantId, tenantId))
    .orderBy(asc(schoolYears.firstDay));
}

export type StoredSchoolYear = Awaited<ReturnType<typeof schoolYearsOf>>[number];

/** The year, locked until the transaction ends: two closes of one year queue up. */
export async function lockSchoolYear(tx: Tx, tenantId: string, id: string) {
  const [row] = await tx
    .select()
    .from(schoolYears)
    .where(and(eq(schoolYears.tenantId, tenantId), eq(schoolYears.id, id)))
    .for("update");
  return row ?? null;
}

export async function insertSchoolYear(
  tx: Tx,
  tenantId: string,
  year: { label: string; firstDay: string; lastDay: string },
) {
  const [row] = await tx
    .insert(schoolYears)
    .values({ tenantId, ...year })
    .returning();
  if (!row) throw new Error("The school year was not written.");
  return row;
}

export async function markSchoolYearClosed(
  tx: Tx,
  tenantId: string,
  id: string,
  closedBy: string,
  now: Date,
): Promise<void> {
  await tx
    .update(schoolYears)
    .set({ closedAt: now, closedBy })
    .where(and(eq(schoolYears.tenantId, tenantId), eq(schoolYears.id, id)));
}

/**
 * The open groups (planned or active) with a session still scheduled after `lastDay`: the
 * groups the rollover asks about, with what a replan needs and how many sessions are left.
 */
export async function groupsMeetingAfter(tx: Tx, tenantId: string, lastDay: string) {
  const after = sql<number>`count(${interventionSessions.id})::int`;
  return tx
    .select({
      id: interventions.id,
      name: interventions.name,
      tier: interventions.tier,
      endDate: interventions.endDate,
      sessionsAfter: after,
      facilitatorName: sql<string | null>`(
        select ${staff.displayName} from ${staff}
        join ${interventionFacilitators} on ${interventionFacilitators.tenantId} = ${staff.tenantId}
          and ${interventionFacilitators.staffId} = ${staff.id}
        where ${interventionFacilitators.tenantId} = ${interventions.tenantId}
          and ${interventionFacilitators.interventionId} = ${interventions.id}
        order by ${staff.displayName} limit 1)`,
    })
    .from(interventions)
    .innerJoin(
      interventionSessions,
      and(
        eq(interventionSessions.tenantId, interventions.tenantId),
        eq(interventionSessions.interventionId, interventions.id),
        eq(interventionSessions.status, "scheduled"),
        gt(interventionSessions.sessionDate, lastDay),
      ),
    )
    .where(
      and(
        eq(interventions.tenantId, tenantId),
        inArray(interventions.status, ["planned", "active"]),
      ),
    )
    .groupBy(interventions.tenantId, interventions.id)
    .orderBy(asc(interventions.name));
}

/** The sessions of a group still scheduled after `lastDay`, which an ending group drops. */
export async function scheduledSessionIdsAfter(
  tx: Tx,
  tenantId: string,
  interventionId: string,
  lastDay: string,
): Promise<string[]> {
  const rows = await tx
    .select({ id: interventionSessions.id })
    .from(interventionSessions)
    .where(
      and(
        ofGroup(interventionSessions, tenantId, interventionId),
        eq(interventionSessions.status, "scheduled"),
        gt(interventionSessions.sessionDate, lastDay),
      ),
    );
  return rows.map((r) => r.id);
}

/**
 * Students in Tier 2 or 3, with the open groups they are enrolled in: whose tiers the rollover
 * carries over.
 */
export async function tieredStudents(tx: Tx, tenantId: string) {
  return tx
    .select({
      id: students.id,
      tier: students.currentTier,
      groupIds: sql<string[]>`coalesce(array_agg(${interventionEnrollments.interventionId})
        filter (where ${interventionEnrollments.isActive}), '{}')`,
    })
    .from(students)
    .leftJoin(
      interventionEnrollments,
      and(
        eq(interventionEnrollments.tenantId, students.tenantId),
        eq(interventionEnrollments.studentId, students.id),
      ),
    )
    .where(and(eq(students.tenantId, tenantId), gt(students.currentTier, 1)))
    .groupBy(students.tenantId, students.id)
    .orderBy(asc(students.id));
}

/** The rollover's `carry-over` decisions, a few hundred rows per statement. */
export async function insertCarryOvers(
  tx: Tx,
  rows: readonly (typeof tierChanges.$inferInsert)[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += 500) {
    await tx.insert(tierChanges).values(rows.slice(start, start + 500));
  }
}
