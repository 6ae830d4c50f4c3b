import { appendAudit } from "@/db/queries/audit";
import { enqueueEvents } from "@/db/queries/outbox";
import { insertProgressNote, readableNotesWhere } from "@/db/queries/progress/notes";
import { studentSubject } from "@/lib/domain/events";
import type { ProgressNoteInput } from "@/lib/domain/sessions/schemas";
import { loadInterventionAccess, requireRunAccess } from "../access";
import { runIdempotent } from "../common/idempotent";
import type { UseCaseContext } from "../context";
import { type NoteDto, toNoteDto } from "./note-dto";
import { checkNoteFacts, noteContent } from "./note-rules";

/** Retries of a note within this window return the first answer (the API reference: lib/api/routes/). */
export const NOTE_IDEMPOTENCY_MINUTES = 10;

/**
 * Scenario 4: the note, linked to student and intervention, its audit row and a
 * `ProgressNoteAddedEvent` (which carries the visibility, never the confidential text).
 */
export async function addProgressNote(
  ctx: UseCaseContext,
  interventionId: string,
  input: ProgressNoteInput,
  idempotencyKey?: string | null,
) {
  const { tenantId } = ctx.actor;
  return runIdempotent<NoteDto>(
    ctx,
    {
      operation: "add-progress-note",
      key: idempotencyKey,
      request: { interventionId, input },
      windowMinutes: NOTE_IDEMPOTENCY_MINUTES,
    },
    async (tx) => {
      const { access } = await loadInterventionAccess(tx, ctx, interventionId);
      requireRunAccess(access);
      await checkNoteFacts(tx, ctx, {
        interventionId,
        studentId: input.studentId,
        date: input.date,
      });
      const created = await insertProgressNote(tx, {
        tenantId,
        interventionId,
        studentId: input.studentId,
        ...noteContent(input),
        createdBy: ctx.actor.userId,
        createdAt: ctx.now(),
      });
      await enqueueEvents(tx, tenantId, ctx.now(), [
        {
          type: "ProgressNoteAddedEvent",
          subject: studentSubject(created.studentId),
          data: {
            noteId: created.id,
            interventionId,
            studentId: created.studentId,
            noteDate: created.noteDate,
            progressRating: created.progressRating,
            visibility: created.visibility,
          },
        },
      ]);
      const [row] = await readableNotesWhere(tx, ctx.actor, { noteId: created.id });
      if (!row) throw new Error("The note just written is not readable by its author");
      // The audit row goes last: its hash chain locks the district's trail until commit, so
      // writing it last keeps concurrent saves from waiting on the rest of this transaction.
      await appendAudit(tx, ctx.actor, ctx.requestId, [
        {
          action: "progress_note.created",
          entityType: "progress_note",
          entityId: created.id,
          studentId: created.studentId,
          after: created,
        },
      ]);
      return { status: 201, body: toNoteDto(row) };
    },
  );
}
