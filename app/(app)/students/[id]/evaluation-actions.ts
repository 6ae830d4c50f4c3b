"use server";

import { revalidatePath } from "next/cache";
import type { ActionFormState } from "@/components/referrals/action-form";
import {
  recordEvaluationRequestSchema,
  respondToEvaluationRequestSchema,
} from "@/lib/domain/decisions/evaluation-requests";
import { z } from "@/lib/domain/zod";
import { type ActionResult, serverAction } from "@/lib/server/action";
import { recordEvaluationRequest } from "@/lib/use-cases/referrals/record-evaluation-request";
import { respondToEvaluationRequest } from "@/lib/use-cases/referrals/respond-to-evaluation-request";

const record = serverAction(
  recordEvaluationRequestSchema.extend({ studentId: z.uuid() }),
  async (ctx, { studentId, ...input }) => {
    const request = await recordEvaluationRequest(ctx, studentId, input);
    revalidatePath(`/students/${studentId}`);
    revalidatePath("/portal");
    revalidatePath("/dashboard");
    return request.id;
  },
);

const respond = serverAction(
  respondToEvaluationRequestSchema.extend({ requestId: z.uuid() }),
  async (ctx, { requestId, ...input }) => {
    const answered = await respondToEvaluationRequest(ctx, requestId, input);
    revalidatePath(`/students/${answered.studentId}`);
    revalidatePath("/dashboard");
    return answered.id;
  },
);

/** A form's fields, with the ones left empty left out (an empty field means "not given"). */
function filled(data: FormData): Record<string, string> {
  return Object.fromEntries(
    [...data.entries()].flatMap(([key, value]) =>
      typeof value === "string" && value.trim() !== "" ? [[key, value]] : [],
    ),
  );
}

function formState(result: ActionResult<unknown>): ActionFormState {
  if (result.ok) return { status: "saved", message: "", fieldErrors: {} };
  return {
    status: "error",
    message: result.message,
    fieldErrors: Object.fromEntries(result.fieldErrors.map((e) => [e.path, e.message])),
  };
}

/** A request for an evaluation, from the portal (a parent) or the student page (staff). */
export async function recordEvaluationRequestAction(
  studentId: string,
  _state: ActionFormState,
  data: FormData,
): Promise<ActionFormState> {
  return formState(await record({ ...filled(data), studentId }));
}

/** The school's answer to a request, from the team's dashboard or the student page. */
export async function respondToEvaluationRequestAction(
  requestId: string,
  _state: ActionFormState,
  data: FormData,
): Promise<ActionFormState> {
  return formState(await respond({ ...filled(data), requestId }));
}
