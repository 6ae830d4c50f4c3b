import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/server/route";
import { resourceId } from "@/lib/server/route-input";
import { getSession } from "@/lib/use-cases/sessions/get-session";

/** A session with its roster, marks and the group's fidelity (what the attendance taker shows). */
export const GET = apiRoute<{ id: string }>(async ({ ctx, params }) => {
  return NextResponse.json(await getSession(ctx, resourceId(params.id, "Session")));
});
