import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import type { Actor } from "@/lib/domain/policy";
import type { Tx } from "../../client";
import { interventions, progressNoteRevisions, progressNotes, students, users } from "../../schema";
import { qualified } from "../qualified";
import { returnedRow } from "../returned-row";
import { tenantJoin } from "../tenant-join";
import { readableNotes } from "./readable";

/**
 * Progress notes: read through the visibility filter, written with a version, revised with a
 * reason.
 */

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
