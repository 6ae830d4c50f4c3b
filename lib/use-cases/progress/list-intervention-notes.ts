import { notesReadTargets, recordRead } from "@/db/queries/audit";
import { readableNotesWhere } from "@/db/queries/progress/notes";
import { withTenant } from "@/db/with-tenant";
import { loadInterventionAccess } from "../access";
import type { UseCaseContext } from "../context";
import { type NoteDto, toNoteDto } from "./note-dto";

/**
 * An intervention's notes the actor may read (`GET /interventions/{id}/notes`), newest first:
 * the visibility filter is part of the query, so a team note never leaves the team.
 */
export async function listInterventionNotes(
  ctx: UseCaseContext,
  interventionId: string,
  filter: { studentId?: string } = {},
): Promise<{ items: NoteDto[] }> {
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    await loadInterventionAccess(tx, ctx, interventionId);
    const rows = await readableNotesWhere(tx, ctx.actor, { interventionId, ...filter });
    await recordRead(tx, ctx.actor, ctx.requestId, notesReadTargets(rows, "intervention-notes"));
    return { items: rows.map(toNoteDto) };
  });
}
