import type { Tx } from "@/db/client";
import { studentConnection } from "@/db/queries/progress/readable";
import { NotFoundError } from "@/lib/domain/errors";
import {
  type Actor,
  type NoteAudience,
  type NoteRelation,
  readerAudience,
} from "@/lib/domain/policy";

export type StudentConnection = NonNullable<Awaited<ReturnType<typeof studentConnection>>>;

/**
 * How the reader is tied to a student's record in one intervention, or, with null, in any of
 * them: the facts the note policy decides on. No connection loaded means no tie at all.
 */
export function relationToStudent(
  connection: StudentConnection | null,
  interventionId: string | null,
): NoteRelation {
  return {
    facilitatesIntervention:
      interventionId === null
        ? (connection?.facilitatedInterventionIds.length ?? 0) > 0
        : (connection?.facilitatedInterventionIds.includes(interventionId) ?? false),
    teachesStudent: connection?.teachesStudent ?? false,
    guardianOfStudent: connection?.guardianOfStudent ?? false,
  };
}

/** The reader's widest audience for any of the student's record; null: the student is hidden. */
export function audienceOfStudent(
  actor: Pick<Actor, "role">,
  connection: StudentConnection | null,
): NoteAudience | null {
  return connection ? readerAudience(actor, relationToStudent(connection, null)) : null;
}

/**
 * Who may see a student (docs/domain.md): the district's managers all of them, teachers the students
 * on their rosters, facilitators the students in their groups, parents their own children. To
 * anyone else — and to another district — the student does not exist. The same rule as the
 * progress pages (readerAudience), so the student page and its progress page never disagree.
 */
export async function visibleStudent(
  tx: Tx,
  actor: Actor,
  studentId: string,
): Promise<NoteAudience> {
  const audience = audienceOfStudent(actor, await studentConnection(tx, actor, studentId));
  if (!audience) throw new NotFoundError("Student");
  return audience;
}
