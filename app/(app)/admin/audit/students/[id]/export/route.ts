import { NextResponse } from "next/server";
import { disclosureRequestSchema } from "@/lib/domain/audit/schemas";
import { todayIn } from "@/lib/domain/calendar/dates";
import { z } from "@/lib/domain/zod";
import { apiRoute } from "@/lib/server/route";
import { readForm, resourceId } from "@/lib/server/route-input";
import { exportStudentRecord } from "@/lib/use-cases/audit/export-student-record";

const exportFormSchema = disclosureRequestSchema.extend({ format: z.enum(["csv", "print"]) });

/**
 * The compliance export form's target: records the disclosure, then sends the CSV as a download
 * or redirects to the printable page of that disclosure.
 */
export const POST = apiRoute<{ id: string }>(
  async ({ ctx, params, request }) => {
    // A cross-site form cannot get here with the admin's cookie: apiRoute refuses another
    // site's Origin on every cookie write (lib/server/route.ts, checkCookieWrite).
    const studentId = resourceId(params.id, "Student");
    const input = await readForm(request, exportFormSchema);
    const result = await exportStudentRecord(ctx, studentId, input, input.format);
    if (result.csv === null) {
      // Relative, so the browser stays on the host it used (behind a proxy, request.url may not be it).
      return new NextResponse(null, {
        status: 303,
        headers: {
          location: `/admin/audit/students/${studentId}/print?disclosure=${result.disclosureId}`,
        },
      });
    }
    const { student } = result.record;
    const filename = `compliance-record-${student.localId}-${todayIn(ctx.actor.timeZone, ctx.now())}.csv`;
    return new NextResponse(result.csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
        "cache-control": "no-store",
      },
    });
  },
  { accepts: "application/x-www-form-urlencoded" },
);
