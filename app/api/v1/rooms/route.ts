import { NextResponse } from "next/server";
import { z } from "@/lib/domain/zod";
import { apiRoute } from "@/lib/server/route";
import { readQuery } from "@/lib/server/route-input";
import { listRooms } from "@/lib/use-cases/resources/list-rooms";

const roomsQuerySchema = z.object({ schoolId: z.uuid("Pick a school from the list.").optional() });

export const GET = apiRoute(async ({ ctx, request }) =>
  NextResponse.json(await listRooms(ctx, readQuery(request, roomsQuerySchema))),
);
