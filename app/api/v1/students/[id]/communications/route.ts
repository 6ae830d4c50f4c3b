import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/server/route";
import { resourceId } from "@/lib/server/route-input";
import { listStudentCommunications } from "@/lib/use-cases/families/list-student-communications";

/** The messages to a student's family: a guardian's own, or every guardian's for the team. */
export const GET = apiRoute<{ id: string }>(async ({ ctx, params }) => {
  const { items } = await listStudentCommunications(ctx, resourceId(params.id, "Student"));
  return NextResponse.json({ items });
});
