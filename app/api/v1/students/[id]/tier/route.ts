import { changeTierSchema } from "@/lib/domain/tiers/schemas";
import { apiRoute } from "@/lib/server/route";
import { idempotencyKey, readJson, resourceId } from "@/lib/server/route-input";
import { changeTier } from "@/lib/use-cases/tiers/change-tier";
import { idempotentResponse } from "../../../idempotent-response";

/** Change a student's tier with its justification (required; kept in the audit trail). */
export const POST = apiRoute<{ id: string }>(async ({ ctx, params, request }) => {
  const studentId = resourceId(params.id, "Student");
  const key = idempotencyKey(request);
  const result = await changeTier(ctx, studentId, await readJson(request, changeTierSchema), key);
  return idempotentResponse(result);
});
