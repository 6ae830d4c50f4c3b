import { NextResponse } from "next/server";
import { eventsFeedQuerySchema } from "@/lib/api/schemas/events";
import { apiRoute } from "@/lib/server/route";
import { readQuery } from "@/lib/server/route-input";
import { listPublishedEvents } from "@/lib/use-cases/events/list-events";

/** The published-events feed (CloudEvents), for consumers without NATS: district admins only. */
export const GET = apiRoute(async ({ ctx, request }) => {
  const page = await listPublishedEvents(ctx, readQuery(request, eventsFeedQuerySchema));
  return NextResponse.json(page);
});
