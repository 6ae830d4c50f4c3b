import { NextResponse } from "next/server";
import { editProgressNoteSchema } from "@/lib/domain/sessions/schemas";
import { apiRoute } from "@/lib/server/route";
import { expectedVersion, readJson, resourceId } from "@/lib/server/route-input";
import { editProgressNote } from "@/lib/use-cases/progress/edit-progress-note";
import { getNoteHistory } from "@/lib/use-cases/progress/get-note-history";

type Params = { id: string; noteId: string };

export const GET = apiRoute<Params>(async ({ ctx, params }) => {
  const history = await getNoteHistory(
    ctx,
    resourceId(params.id, "Intervention"),
    resourceId(params.noteId, "Progress note"),
  );
  return NextResponse.json(history, { headers: { etag: `"${history.note.version}"` } });
});

/** `If-Match: "<version>"` or `version` in the body; a stale version answers 409 (the API reference: lib/api/routes/). */
export const PUT = apiRoute<Params>(async ({ ctx, params, request }) => {
  const id = resourceId(params.id, "Intervention");
  const noteId = resourceId(params.noteId, "Progress note");
  const body = await readJson(request, editProgressNoteSchema.partial({ version: true }));
  const version = expectedVersion(request, body.version);
  const edited = await editProgressNote(ctx, id, noteId, { ...body, version });
  return NextResponse.json(edited, { headers: { etag: `"${edited.version}"` } });
});
