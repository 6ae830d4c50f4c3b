import { notesReadTargets, recordRead } from "@/db/queries/audit";
import { noteRevisions, readableNotesWhere } from "@/db/queries/progress/notes";
import { withTenant } from "@/db/with-tenant";
import { NotFoundError } from "@/lib/domain/errors";
import { mayRunSessions } from "@/lib/domain/policy";
import { loadInterventionAccess } from "../access";
import type { UseCaseContext } from "../context";
import { toNoteDto } from "./note-dto";

/**
 * One note with its earlier versions and the reason for each edit. Anyone who may read the note
 * sees it; the history (which may hold wording later withdrawn) is for the team that writes it.
 */
export async function getNoteHistory(ctx: UseCaseContext, interventionId: string, noteId: string) {
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const { access } = await loadInterventionAccess(tx, ctx, interventionId);
    const [row] = await readableNotesWhere(tx, ctx.actor, { interventionId, noteId });
    if (!row) throw new NotFoundError("Progress note");
    const canEdit = mayRunSessions(access);
    const revisions = canEdit ? await noteRevisions(tx, ctx.actor.tenantId, noteId) : [];
    await recordRead(tx, ctx.actor, ctx.requestId, notesReadTargets([row], "note-history"));
    return { note: toNoteDto(row), canEdit, revisions };
  });
}
