import { and, asc, type Column, desc, eq, getTableName, inArray, type SQL, sql } from "drizzle-orm";
import { type Actor, isManager, readableVisibilities } from "@/lib/domain/policy";
import type { Tx } from "../client";
import {
  interventionEnrollments,
  interventionFacilitators,
  interventions,
  probeScores,
  progressNoteRevisions,
  progressNotes,
  sectionStudents,
  sections,
  studentGuardians,
  students,
  tierChanges,
  users,
} from "../schema";
import { returnedRow } from "./returned-row";
import { tenantJoin } from "./tenant-join";

/*
 * Who may read a progress note or a probe score, as SQL: the mirror of
 * lib/domain/policy/note-visibility.ts, applied inside every query that reads them, so a page,
 * the API and any export share one filter and a forgotten check cannot leak a note.
 */

/**
 * A column named with its table, always: drizzle leaves columns unqualified in the select list
 * of a one-table query, where inside these subqueries they would be ambiguous.
 */
export function qualified(column: Column): SQL {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}

function facilitatesIntervention(staffId: string, tenantId: Column, interventionId: Column) {
  return sql<boolean>`exists (select 1 from ${interventionFacilitators} f
    where f.tenant_id = ${qualified(tenantId)} and f.intervention_id = ${qualified(interventionId)}
      and f.staff_id = ${staffId})`;
}

function teachesStudent(staffId: string, tenantId: Column, studentId: Column) {
  return sql<boolean>`exists (select 1 from ${sectionStudents} ss
    join ${sections} sec on sec.tenant_id = ss.tenant_id and sec.id = ss.section_id
    where ss.tenant_id = ${qualified(tenantId)} and ss.student_id = ${qualified(studentId)}
      and sec.teacher_id = ${staffId})`;
}

function guardianOfStudent(guardianId: string, tenantId: Column, studentId: Column) {
  return sql<boolean>`exists (select 1 from ${studentGuardians} g
    where g.tenant_id = ${qualified(tenantId)} and g.student_id = ${qualified(studentId)}
      and g.guardian_id = ${guardianId})`;
}

/** The notes the actor may read: managers all, facilitators their groups', teachers and families what is shared with them. */
export function readableNotes(actor: Actor): SQL {
  const tenant = eq(progressNotes.tenantId, actor.tenantId);
  if (isManager(actor)) return tenant;
  if (actor.role === "parent") {
    if (!actor.guardianId) return sql`false`;
    return and(
      tenant,
      inArray(progressNotes.visibility, readableVisibilities("family")),
      guardianOfStudent(actor.guardianId, progressNotes.tenantId, progressNotes.studentId),
    )!;
  }
  if (!actor.staffId) return sql`false`;
  return and(
    tenant,
    sql`(${facilitatesIntervention(actor.staffId, progressNotes.tenantId, progressNotes.interventionId)}
      or (${inArray(progressNotes.visibility, readableVisibilities("teachers"))}
        and ${teachesStudent(actor.staffId, progressNotes.tenantId, progressNotes.studentId)}))`,
  )!;
}

/** Probe scores: the team and the student's teachers; families see what notes share with them. */
export function readableScores(actor: Actor): SQL {
  const tenant = eq(probeScores.tenantId, actor.tenantId);
  if (isManager(actor)) return tenant;
  if (actor.role === "parent" || !actor.staffId) return sql`false`;
  return and(
    tenant,
    sql`(${facilitatesIntervention(actor.staffId, probeScores.tenantId, probeScores.interventionId)}
      or ${teachesStudent(actor.staffId, probeScores.tenantId, probeScores.studentId)})`,
  )!;
}

const noteColumns = {
  id: progressNotes.id,
  interventionId: progressNotes.interventionId,
  interventionName: interventions.name,
  studentId: progressNotes.studentId,
  studentFirstName: students.firstName,
  studentLastName: students.lastName,
  noteDate: progressNotes.noteDate,
  observation: progressNotes.observation,
  measureName: progressNotes.measureName,
  measureValue: progressNotes.measureValue,
  measureUnit: progressNotes.measureUnit,
  nextSteps: progressNotes.nextSteps,
  progressRating: progressNotes.progressRating,
  visibility: progressNotes.visibility,
  version: progressNotes.version,
  createdBy: progressNotes.createdBy,
  authorName: users.name,
  createdAt: progressNotes.createdAt,
  revisionCount: sql<number>`(select count(*)::int from ${progressNoteRevisions} r
    where r.tenant_id = ${qualified(progressNotes.tenantId)} and r.note_id = ${qualified(progressNotes.id)})`,
};

export type NoteRow = Awaited<ReturnType<typeof readableNotesWhere>>[number];

/** Readable notes of an intervention and/or a student, newest first. */
export async function readableNotesWhere(
  tx: Tx,
  actor: Actor,
  filter: { interventionId?: string; studentId?: string; noteId?: string; limit?: number },
) {
  const conditions: SQL[] = [readableNotes(actor)];
  if (filter.interventionId)
    conditions.push(eq(progressNotes.interventionId, filter.interventionId));
  if (filter.studentId) conditions.push(eq(progressNotes.studentId, filter.studentId));
  if (filter.noteId) conditions.push(eq(progressNotes.id, filter.noteId));
  return tx
    .select(noteColumns)
    .from(progressNotes)
    .innerJoin(interventions, tenantJoin(interventions.id, progressNotes.interventionId))
    .innerJoin(students, tenantJoin(students.id, progressNotes.studentId))
    .leftJoin(users, tenantJoin(users.id, progressNotes.createdBy))
    .where(and(...conditions))
    .orderBy(desc(progressNotes.noteDate), desc(progressNotes.createdAt))
    .limit(filter.limit ?? 500);
}

/** The stored note, for an edit: the caller has already established its right to change it. */
export async function findNote(tx: Tx, tenantId: string, noteId: string) {
  const [row] = await tx
    .select()
    .from(progressNotes)
    .where(and(eq(progressNotes.tenantId, tenantId), eq(progressNotes.id, noteId)));
  return row ?? null;
}

export type StoredNote = typeof progressNotes.$inferSelect;

/** What a note says: what its author writes, and what an edit may change. */
export type NoteContent = Pick<
  StoredNote,
  | "noteDate"
  | "observation"
  | "measureName"
  | "measureValue"
  | "measureUnit"
  | "nextSteps"
  | "progressRating"
  | "visibility"
>;

export async function insertProgressNote(
  tx: Tx,
  note: typeof progressNotes.$inferInsert,
): Promise<StoredNote> {
  return returnedRow(await tx.insert(progressNotes).values(note).returning());
}

/**
 * Rewrites the note and bumps its version, only while it is still at `expectedVersion`. A
 * concurrent edit waits on the row's lock, then finds the version moved on: null.
 */
export async function updateProgressNote(
  tx: Tx,
  tenantId: string,
  noteId: string,
  expectedVersion: number,
  content: NoteContent,
): Promise<StoredNote | null> {
  const [updated] = await tx
    .update(progressNotes)
    .set({ ...content, version: expectedVersion + 1 })
    .where(
      and(
        eq(progressNotes.tenantId, tenantId),
        eq(progressNotes.id, noteId),
        eq(progressNotes.version, expectedVersion),
      ),
    )
    .returning();
  return updated ?? null;
}

/** Keeps the version an edit replaced, with the editor's reason. */
export async function insertNoteRevision(
  tx: Tx,
  revision: typeof progressNoteRevisions.$inferInsert,
): Promise<void> {
  await tx.insert(progressNoteRevisions).values(revision);
}

export async function noteRevisions(tx: Tx, tenantId: string, noteId: string) {
  return tx
    .select({
      version: progressNoteRevisions.version,
      snapshot: progressNoteRevisions.snapshot,
      reason: progressNoteRevisions.reason,
      editedAt: progressNoteRevisions.editedAt,
      editorName: users.name,
    })
    .from(progressNoteRevisions)
    .leftJoin(users, tenantJoin(users.id, progressNoteRevisions.editedBy))
    .where(
      and(eq(progressNoteRevisions.tenantId, tenantId), eq(progressNoteRevisions.noteId, noteId)),
    )
    .orderBy(desc(progressNoteRevisions.version));
}

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

/** How the actor is connected to one student: the facts the note policy decides on. */
export async function studentConnection(tx: Tx, actor: Actor, studentId: string) {
  const staffId = actor.staffId;
  const guardianId = actor.guardianId;
  const [row] = await tx
    .select({
      id: students.id,
      firstName: students.firstName,
      lastName: students.lastName,
      grade: students.grade,
      currentTier: students.currentTier,
      teachesStudent: staffId
        ? teachesStudent(staffId, students.tenantId, students.id)
        : sql<boolean>`false`,
      guardianOfStudent: guardianId
        ? guardianOfStudent(guardianId, students.tenantId, students.id)
        : sql<boolean>`false`,
      facilitatedInterventionIds: staffId
        ? sql<string[]>`coalesce((select array_agg(distinct e.intervention_id)
            from ${interventionEnrollments} e
            join ${interventionFacilitators} f on f.tenant_id = e.tenant_id
              and f.intervention_id = e.intervention_id and f.staff_id = ${staffId}
            where e.tenant_id = ${qualified(students.tenantId)} and e.student_id = ${qualified(students.id)}), '{}')`
        : sql<string[]>`'{}'::uuid[]`,
    })
    .from(students)
    .where(and(eq(students.tenantId, actor.tenantId), eq(students.id, studentId)));
  return row ?? null;
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

export async function tierChangesOf(tx: Tx, tenantId: string, studentId: string) {
  return tx
    .select({
      date: tierChanges.decidedOn,
      fromTier: tierChanges.fromTier,
      toTier: tierChanges.toTier,
      decision: tierChanges.decision,
    })
    .from(tierChanges)
    .where(and(eq(tierChanges.tenantId, tenantId), eq(tierChanges.studentId, studentId)))
    .orderBy(asc(tierChanges.decidedOn), asc(tierChanges.createdAt));
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
          eq(progressNotes.tenantId, tenantId),
          eq(progressNotes.interventionId, interventionId),
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
