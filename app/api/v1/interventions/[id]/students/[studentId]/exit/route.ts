import { NextResponse } from "next/server";
import { endEnrollmentSchema } from "@/lib/domain/exit";
import { apiRoute } from "@/lib/server/route";
import { readJson, resourceId } from "@/lib/server/route-input";
import { endEnrollment } from "@/lib/use-cases/exits/end-enrollment";

/** Ends a student's enrollment for another reason (moved away, opt-out, planned duration done). */
export const POST = apiRoute<{ id: string; studentId: string }>(
  async ({ ctx, params, request }) => {
    const id = resourceId(params.id, "Intervention");
    const studentId = resourceId(params.studentId, "Student");
    const input = await readJson(request, endEnrollmentSchema);
    return NextResponse.json(await endEnrollment(ctx, id, studentId, input));
  },
);
