import { recordAttendanceSchema } from "@/lib/domain/sessions/schemas";
import { apiRoute } from "@/lib/server/route";
import { idempotencyKey, readJson, resourceId } from "@/lib/server/route-input";
import { recordAttendance } from "@/lib/use-cases/sessions/record-attendance";
import { idempotentResponse } from "../../../idempotent-response";

/** Scenario 3: record a session's attendance, notes and probe scores (the API reference: lib/api/routes/). */
export const POST = apiRoute<{ id: string }>(async ({ ctx, params, request }) => {
  const id = resourceId(params.id, "Session");
  const key = idempotencyKey(request);
  const input = await readJson(request, recordAttendanceSchema);
  const result = await recordAttendance(ctx, id, input, key);
  return idempotentResponse(result);
});
