import { appendAudit } from "@/db/queries/audit";
import {
  findNote,
  insertNoteRevision,
  readableNotesWhere,
  updateProgressNote,
} from "@/db/queries/progress/notes";
import { withTenant } from "@/db/with-tenant";
import { ConflictError, NotFoundError } from "@/lib/domain/errors";
import type { EditProgressNoteInput } from "@/lib/domain/sessions/schemas";
import { loadInterventionAccess, requireRunAccess } from "../access";
import type { UseCaseContext } from "../context";
import { type NoteDto, toNoteDto } from "./note-dto";
import { checkNoteFacts, noteContent } from "./note-rules";

/**
 * Changes a note with a reason: the previous version goes to `progress_note_revisions`, the
 * audit row keeps before and after, and a stale `version` (someone else edited first) is a 409.
 */
export async function editProgressNote(
  ctx: UseCaseContext,
  interventionId: string,
  noteId: string,
  input: EditProgressNoteInput,
): Promise<NoteDto> {
  const { tenantId } = ctx.actor;
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const { access } = await loadInterventionAccess(tx, ctx, interventionId);
    const note = await findNote(tx, tenantId, noteId);
    if (!note || note.interventionId !== interventionId) throw new NotFoundError("Progress note");
    requireRunAccess(access);
    if (note.version !== input.version) {
      throw new ConflictError(
        `This note was changed since you opened it (now version ${note.version}). Reload it and apply your change again.`,
      );
    }
    await checkNoteFacts(tx, ctx, { interventionId, studentId: note.studentId, date: input.date });

    const updated = await updateProgressNote(
      tx,
      tenantId,
      noteId,
      input.version,
      noteContent(input),
    );
    if (!updated) throw new ConflictError("This note was changed at the same moment. Reload it.");
    await insertNoteRevision(tx, {
      tenantId,
      noteId,
      version: note.version,
      snapshot: note,
      reason: input.reason,
      editedBy: ctx.actor.userId,
      editedAt: ctx.now(),
    });
    await appendAudit(tx, ctx.actor, ctx.requestId, [
      {
        action: "progress_note.edited",
        entityType: "progress_note",
        entityId: noteId,
        studentId: note.studentId,
        before: note,
        after: updated,
        reason: input.reason,
      },
    ]);
    const [row] = await readableNotesWhere(tx, ctx.actor, { noteId });
    if (!row) throw new Error("The note just edited is not readable by its editor");
    return toNoteDto(row);
  });
}
