/** Counts what the seed left in the database, for the seed's report and its test. */

import { and, eq, lt, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import {
  assessmentResults,
  assessments,
  auditLog,
  guardians,
  interventionEnrollments,
  interventionSessions,
  interventions,
  nonInstructionalDays,
  outbox,
  progressNotes,
  rooms,
  schools,
  sectionStudents,
  sections,
  sessionAttendance,
  staff,
  studentGuardians,
  students,
  users,
} from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import type { DistrictPlan } from "./plan";

/** Row counts over both districts, as the seed left them. */
export async function summarize(
  db: Database,
  plans: readonly DistrictPlan[],
): Promise<Record<string, number>> {
  const tables = {
    schools,
    rooms,
    staff,
    students,
    guardians,
    studentGuardians,
    sections,
    sectionStudents,
    users,
    nonInstructionalDays,
    assessments,
    assessmentResults,
    interventions,
    interventionSessions,
    interventionEnrollments,
    sessionAttendance,
    progressNotes,
    auditLog,
    outbox,
  } as const;
  const summary: Record<string, number> = { districts: plans.length };
  for (const plan of plans) {
    await withTenant(db, { tenantId: plan.tenantId }, async (tx) => {
      for (const [name, table] of Object.entries(tables)) {
        const [row] = await tx
          .select({ n: sql<number>`count(*)::int` })
          .from(table as PgTable)
          .where(sql`tenant_id = ${plan.tenantId}`);
        summary[name] = (summary[name] ?? 0) + (row?.n ?? 0);
      }
      const [held] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(interventionSessions)
        .where(
          and(
            eq(interventionSessions.tenantId, plan.tenantId),
            eq(interventionSessions.status, "held"),
          ),
        );
      summary.sessionsHeld = (summary.sessionsHeld ?? 0) + (held?.n ?? 0);
      const [atRisk] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(assessmentResults)
        .innerJoin(
          assessments,
          and(
            eq(assessments.tenantId, assessmentResults.tenantId),
            eq(assessments.id, assessmentResults.assessmentId),
          ),
        )
        .where(
          and(
            eq(assessmentResults.tenantId, plan.tenantId),
            eq(assessments.name, "Reading Benchmark"),
            lt(assessmentResults.score, 50),
          ),
        );
      summary.readingBelow50 = (summary.readingBelow50 ?? 0) + (atRisk?.n ?? 0);
    });
  }
  return summary;
}
