import { and, asc, desc, eq, ne, notInArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { setDistrictSetting } from "@/db/queries/districts";
import {
  interventionEnrollments,
  interventionSessions,
  interventions,
  probeScores,
  progressNotes,
  sessionAttendance,
  students,
} from "@/db/schema";
import { HOURLY_STAFF_COST_SETTING } from "@/lib/domain/scheduling/staff-cost";

/**
 * The writes the effectiveness summary's tests make to one group's inputs
 * (effectiveness-summary.int.test.ts), each as its use-case leaves the tables.
 */
export interface WriteFixture {
  tenantId: string;
  groupId: string;
  studentId: string;
  today: string;
}

async function heldSessionOfGroup(tx: Tx, f: WriteFixture) {
  const [session] = await tx
    .select({ id: interventionSessions.id })
    .from(interventionSessions)
    .where(
      and(
        eq(interventionSessions.interventionId, f.groupId),
        eq(interventionSessions.status, "held"),
      ),
    )
    .orderBy(desc(interventionSessions.sessionDate))
    .limit(1);
  return session!.id;
}

export async function addProbe(tx: Tx, f: WriteFixture, value: number) {
  const [row] = await tx
    .insert(probeScores)
    .values({
      tenantId: f.tenantId,
      interventionId: f.groupId,
      studentId: f.studentId,
      scoreDate: f.today,
      value,
    })
    .returning({ id: probeScores.id });
  return row!.id;
}

/**
 * Each kind of write to the group's inputs, as its use-case leaves the tables. The next
 * read must show the figures computed from the new inputs, not the summary stored before.
 */
export const EFFECTIVENESS_WRITES: [string, (tx: Tx, f: WriteFixture) => Promise<unknown>][] = [
  [
    "an attendance save (a present mark made absent)",
    async (tx, f) => {
      const session = await heldSessionOfGroup(tx, f);
      await tx
        .update(sessionAttendance)
        .set({ status: "absent" })
        .where(
          and(eq(sessionAttendance.sessionId, session), ne(sessionAttendance.status, "absent")),
        );
    },
  ],
  ["a probe score", (tx, f) => addProbe(tx, f, 400)],
  [
    "a progress note with a reading in the group's measure",
    async (tx, f) => {
      const [group] = await tx
        .select({ measureName: interventions.measureName })
        .from(interventions)
        .where(eq(interventions.id, f.groupId));
      // On a day the group met and the student has no probe (a probe that day would stand).
      const probeDays = tx
        .select({ day: probeScores.scoreDate })
        .from(probeScores)
        .where(
          and(eq(probeScores.interventionId, f.groupId), eq(probeScores.studentId, f.studentId)),
        );
      const [day] = await tx
        .select({ date: interventionSessions.sessionDate })
        .from(interventionSessions)
        .where(
          and(
            eq(interventionSessions.interventionId, f.groupId),
            eq(interventionSessions.status, "held"),
            notInArray(interventionSessions.sessionDate, probeDays),
          ),
        )
        .orderBy(desc(interventionSessions.sessionDate))
        .limit(1);
      await tx.insert(progressNotes).values({
        tenantId: f.tenantId,
        interventionId: f.groupId,
        studentId: f.studentId,
        noteDate: day!.date,
        observation: "Read the passage twice without help.",
        measureName: group!.measureName,
        measureValue: 500,
        visibility: "team",
      });
    },
  ],
  [
    "an enrollment",
    async (tx, f) => {
      const enrolled = tx
        .select({ id: interventionEnrollments.studentId })
        .from(interventionEnrollments)
        .where(eq(interventionEnrollments.interventionId, f.groupId));
      const [student] = await tx
        .select({ id: students.id })
        .from(students)
        .where(notInArray(students.id, enrolled))
        .orderBy(asc(students.id))
        .limit(1);
      await tx.insert(interventionEnrollments).values({
        tenantId: f.tenantId,
        interventionId: f.groupId,
        studentId: student!.id,
        enrollmentDate: f.today,
      });
    },
  ],
  [
    "a session cancelled",
    async (tx, f) =>
      tx
        .update(interventionSessions)
        .set({ status: "cancelled", cancellationReason: "Fire drill" })
        .where(eq(interventionSessions.id, await heldSessionOfGroup(tx, f))),
  ],
  [
    "a goal changed (lower is better, and below everyone)",
    (tx, f) =>
      tx
        .update(interventions)
        .set({ goalValue: 1, measureDirection: "lower" })
        .where(eq(interventions.id, f.groupId)),
  ],
  [
    "a district cost setting changed",
    (tx, f) =>
      setDistrictSetting(tx, f.tenantId, HOURLY_STAFF_COST_SETTING, {
        specialist: 12_000,
        teacher: 11_000,
        paraprofessional: 9_000,
        administrator: 15_000,
      }),
  ],
];
