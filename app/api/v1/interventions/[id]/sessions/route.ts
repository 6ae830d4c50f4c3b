import { NextResponse } from "next/server";
import { addSessionSchema, listSessionsQuerySchema } from "@/lib/domain/sessions/schemas";
import { apiRoute } from "@/lib/server/route";
import { readJson, readQuery, resourceId } from "@/lib/server/route-input";
import { addSession } from "@/lib/use-cases/sessions/add-session";
import { listSessions } from "@/lib/use-cases/sessions/list-sessions";

export const GET = apiRoute<{ id: string }>(async ({ ctx, params, request }) => {
  const id = resourceId(params.id, "Intervention");
  return NextResponse.json(
    await listSessions(ctx, id, readQuery(request, listSessionsQuerySchema)),
  );
});

/** Adds a session, e.g. a make-up for a cancelled one. */
export const POST = apiRoute<{ id: string }>(async ({ ctx, params, request }) => {
  const id = resourceId(params.id, "Intervention");
  const session = await addSession(ctx, id, await readJson(request, addSessionSchema));
  return NextResponse.json(session, {
    status: 201,
    headers: {
      location: `/api/v1/interventions/${id}/sessions?from=${session.date}&to=${session.date}`,
    },
  });
});
