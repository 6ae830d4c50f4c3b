import { NextResponse } from "next/server";
import { listNotesQuerySchema, progressNoteSchema } from "@/lib/domain/sessions/schemas";
import { apiRoute } from "@/lib/server/route";
import { idempotencyKey, readJson, readQuery, resourceId } from "@/lib/server/route-input";
import { addProgressNote } from "@/lib/use-cases/progress/add-progress-note";
import { listInterventionNotes } from "@/lib/use-cases/progress/list-intervention-notes";
import { idempotentResponse } from "../../../idempotent-response";

/** The notes the caller may read; the visibility filter is in the query itself. */
export const GET = apiRoute<{ id: string }>(async ({ ctx, params, request }) => {
  const id = resourceId(params.id, "Intervention");
  return NextResponse.json(
    await listInterventionNotes(ctx, id, readQuery(request, listNotesQuerySchema)),
  );
});

/** Scenario 4: add a progress note (the API reference: lib/api/routes/). */
export const POST = apiRoute<{ id: string }>(async ({ ctx, params, request }) => {
  const id = resourceId(params.id, "Intervention");
  const key = idempotencyKey(request);
  const input = await readJson(request, progressNoteSchema);
  const result = await addProgressNote(ctx, id, input, key);
  return idempotentResponse(result, `/api/v1/interventions/${id}/notes/${result.body.id}`);
});
