import { and, asc, eq, sql } from "drizzle-orm";
import type { Actor } from "@/lib/domain/policy";
import type { Tx } from "../../client";
import { interventionEnrollments, interventions, probeScores, progressNotes } from "../../schema";
import { tenantJoin } from "../tenant-join";
import { ofGroup } from "../tenant-row";
import { readableScores } from "./readable";

/**
 * Progress monitoring: an intervention's measure and goal, and the readings and probe scores taken
 * against it.
 */

/** Readable probe scores of a student, with the measure of the intervention they were taken in. */
export async function readableScoresOfStudent(tx: Tx, actor: Actor, studentId: string) {
  return tx
    .select({
      interventionId: probeScores.interventionId,
      date: probeScores.scoreDate,
      value: probeScores.value,
      measureName: interventions.measureName,
      measureUnit: interventions.measureUnit,
    })
    .from(probeScores)
    .innerJoin(interventions, tenantJoin(interventions.id, probeScores.interventionId))
    .where(and(readableScores(actor), eq(probeScores.studentId, studentId)))
    .orderBy(asc(probeScores.scoreDate), asc(probeScores.createdAt));
}

/** Every intervention the student was enrolled in, with its measure, goal and the exit date. */
export async function interventionsOfStudent(tx: Tx, tenantId: string, studentId: string) {
  return tx
    .select({
      id: interventions.id,
      name: interventions.name,
      tier: interventions.tier,
      status: interventions.status,
      startDate: interventions.startDate,
      endDate: interventions.endDate,
      sessionMinutes: interventions.sessionMinutes,
      durationWeeks: interventions.durationWeeks,
      scheduleDays: interventions.scheduleDays,
      measureName: interventions.measureName,
      measureUnit: interventions.measureUnit,
      measureDirection: interventions.measureDirection,
      goalValue: interventions.goalValue,
      enrollmentDate: interventionEnrollments.enrollmentDate,
      exitDate: interventionEnrollments.exitDate,
      isActive: interventionEnrollments.isActive,
    })
    .from(interventionEnrollments)
    .innerJoin(interventions, tenantJoin(interventions.id, interventionEnrollments.interventionId))
    .where(
      and(
        eq(interventionEnrollments.tenantId, tenantId),
        eq(interventionEnrollments.studentId, studentId),
      ),
    )
    .orderBy(asc(interventions.startDate), asc(interventionEnrollments.enrollmentDate));
}

/**
 * Every reading of the group's students in this intervention, oldest first: what the note
 * editor shows as "up from 2.8". Only for the intervention's team, who read all of its notes.
 */
export async function readingsOfIntervention(tx: Tx, tenantId: string, interventionId: string) {
  const [notes, probes] = await Promise.all([
    tx
      .select({
        studentId: progressNotes.studentId,
        date: progressNotes.noteDate,
        name: progressNotes.measureName,
        value: progressNotes.measureValue,
        unit: progressNotes.measureUnit,
      })
      .from(progressNotes)
      .where(
        and(
          ofGroup(progressNotes, tenantId, interventionId),
          sql`${progressNotes.measureName} is not null and ${progressNotes.measureValue} is not null`,
        ),
      )
      .orderBy(asc(progressNotes.noteDate), asc(progressNotes.createdAt)),
    tx
      .select({
        studentId: probeScores.studentId,
        date: probeScores.scoreDate,
        name: interventions.measureName,
        value: probeScores.value,
        unit: interventions.measureUnit,
      })
      .from(probeScores)
      .innerJoin(interventions, tenantJoin(interventions.id, probeScores.interventionId))
      .where(
        and(eq(probeScores.tenantId, tenantId), eq(probeScores.interventionId, interventionId)),
      )
      .orderBy(asc(probeScores.scoreDate), asc(probeScores.createdAt)),
  ]);
  return [...notes, ...probes]
    .flatMap((r) =>
      r.name !== null && r.value !== null
        ? [{ studentId: r.studentId, date: r.date, name: r.name, value: r.value, unit: r.unit }]
        : [],
    )
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The intervention's progress-monitoring plan: its measure and goal. */
export async function monitoringPlanOf(tx: Tx, tenantId: string, interventionId: string) {
  const [row] = await tx
    .select({
      measureName: interventions.measureName,
      measureUnit: interventions.measureUnit,
      measureDirection: interventions.measureDirection,
      goalValue: interventions.goalValue,
      proficiencyTarget: interventions.proficiencyTarget,
      version: interventions.version,
    })
    .from(interventions)
    .where(and(eq(interventions.tenantId, tenantId), eq(interventions.id, interventionId)));
  return row ?? null;
}

/**
 * Sets the intervention's measure and goal and bumps its version, only while it is still at
 * `expectedVersion`; null when someone changed the intervention first.
 */
export async function updateMonitoringPlan(
  tx: Tx,
  tenantId: string,
  interventionId: string,
  expectedVersion: number,
  plan: Pick<
    typeof interventions.$inferSelect,
    "measureName" | "measureUnit" | "measureDirection" | "goalValue"
  >,
  now: Date,
) {
  const [after] = await tx
    .update(interventions)
    .set({ ...plan, version: sql`${interventions.version} + 1`, updatedAt: now })
    .where(
      and(
        eq(interventions.tenantId, tenantId),
        eq(interventions.id, interventionId),
        eq(interventions.version, expectedVersion),
      ),
    )
    .returning({
      measureName: interventions.measureName,
      measureUnit: interventions.measureUnit,
      measureDirection: interventions.measureDirection,
      goalValue: interventions.goalValue,
      version: interventions.version,
    });
  return after ?? null;
}

/** Every probe score of an intervention: the team's data for the effectiveness figures. */
export async function probeScoresOfIntervention(tx: Tx, tenantId: string, interventionId: string) {
  return tx
    .select({
      studentId: probeScores.studentId,
      date: probeScores.scoreDate,
      value: probeScores.value,
    })
    .from(probeScores)
    .where(and(eq(probeScores.tenantId, tenantId), eq(probeScores.interventionId, interventionId)))
    .orderBy(asc(probeScores.scoreDate), asc(probeScores.createdAt));
}
