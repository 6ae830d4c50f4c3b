import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/server/route";
import { benchFloorRead, benchFloorWrite } from "@/lib/use-cases/bench/floor";

/*
 * The benchmark's floor through the same wrapper as every route (actor from the session,
 * problem+json): see lib/use-cases/bench/floor.ts. The folder is named `%5Fbench` because Next
 * treats `_bench` as private; the URL is /api/v1/_bench/floor.
 */

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ ctx }) =>
  NextResponse.json({ rows: await benchFloorRead(ctx) }),
);

export const POST = apiRoute(async ({ ctx }) => {
  await benchFloorWrite(ctx);
  return NextResponse.json({ inserted: 1 }, { status: 201 });
});
