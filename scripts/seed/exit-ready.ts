/**
 * Scenario 11 in the demo: in two Maple Grove groups one student meets the data side of the exit
 * criteria (three proficient probes in a row, the latest benchmark at or above the cut), so the
 * daily evaluation's flag is there from the start: on Mr. Alvarez's dashboard (Intensive
 * Reading) for a recommendation, and in Math Facts for the API contract test.
 */

import { and, asc, desc, eq, inArray, max, notInArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { appendSystemAudit } from "@/db/queries/exits/endings";
import { latestBenchmarksOf } from "@/db/queries/exits/evaluation";
import {
  assessmentResults,
  interventionEnrollments,
  interventions,
  probeScores,
  students,
} from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { addDays, instantAt, type LocalDate } from "@/lib/domain/calendar/dates";
import { evaluateExitsInTransaction } from "@/lib/use-cases/exits/evaluate-exits";
import { DEMO_GROUPS, NAMED_STUDENTS } from "./accounts";
import type { DistrictPlan } from "./plan";

/** The groups with a student ready to exit. */
export const EXIT_READY_GROUPS = [DEMO_GROUPS.intensiveReading, DEMO_GROUPS.mathFacts] as const;

export async function writeExitReady(
  db: Database,
  plan: DistrictPlan,
  today: LocalDate,
): Promise<void> {
  const { tenantId } = plan;
  const now = instantAt(today, "05:15", plan.timeZone);
  await withTenant(db, { tenantId }, async (tx) => {
    const groups = await tx
      .select({ id: interventions.id, name: interventions.name })
      .from(interventions)
      .where(
        and(
          eq(interventions.tenantId, tenantId),
          inArray(interventions.name, [...EXIT_READY_GROUPS]),
        ),
      );
    for (const group of groups) {
      // The enrolled student (not one of the named demo children) with the best benchmark.
      const [student] = await tx
        .select({ id: students.id, score: max(assessmentResults.score) })
        .from(interventionEnrollments)
        .innerJoin(
          students,
          and(
            eq(students.tenantId, interventionEnrollments.tenantId),
            eq(students.id, interventionEnrollments.studentId),
          ),
        )
        .innerJoin(
          assessmentResults,
          and(
            eq(assessmentResults.tenantId, students.tenantId),
            eq(assessmentResults.studentId, students.id),
          ),
        )
        .where(
          and(
            eq(interventionEnrollments.tenantId, tenantId),
            eq(interventionEnrollments.interventionId, group.id),
            eq(interventionEnrollments.isActive, true),
            notInArray(
              students.firstName,
              NAMED_STUDENTS.map((s) => s.firstName),
            ),
          ),
        )
        .groupBy(students.id)
        .orderBy(desc(max(assessmentResults.score)), asc(students.id))
        .limit(1);
      if (!student) continue;
      // A target above every probe of the group so far: only this student's new probes reach it.
      const [best] = await tx
        .select({ value: max(probeScores.value) })
        .from(probeScores)
        .where(and(eq(probeScores.tenantId, tenantId), eq(probeScores.interventionId, group.id)));
      const target = Math.ceil((best?.value ?? 20) + 5);
      await tx
        .update(interventions)
        .set({ proficiencyTarget: target })
        .where(and(eq(interventions.tenantId, tenantId), eq(interventions.id, group.id)));
      await tx.insert(probeScores).values(
        [target, target + 2, target + 1].map((value, index) => ({
          tenantId,
          interventionId: group.id,
          studentId: student.id,
          scoreDate: addDays(today, index - 2),
          value,
        })),
      );
      let outcome = await evaluateExitsInTransaction(tx, tenantId, now, {
        interventionId: group.id,
        studentIds: [student.id],
      });
      const [latest] = await latestBenchmarksOf(tx, tenantId, [student.id]);
      if (outcome.flagged === 0 && latest) {
        // The district's cut is above this student's latest benchmark: the group sets its own.
        await tx
          .update(interventions)
          .set({ exitBenchmarkCut: Math.floor(latest.score) })
          .where(and(eq(interventions.tenantId, tenantId), eq(interventions.id, group.id)));
        outcome = await evaluateExitsInTransaction(tx, tenantId, now, {
          interventionId: group.id,
          studentIds: [student.id],
        });
      }
      await appendSystemAudit(tx, tenantId, "demo-seed", now, outcome.audit);
    }
  });
}
