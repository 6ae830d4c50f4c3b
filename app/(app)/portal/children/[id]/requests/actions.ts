"use server";

import { revalidatePath } from "next/cache";
import type { ActionFormState } from "@/components/referrals/action-form";
import type { FamilyRequestKind } from "@/lib/domain/families/kinds";
import {
  answerFamilyRequestSchema,
  recordFamilyRequestSchema,
} from "@/lib/domain/families/requests";
import { z } from "@/lib/domain/zod";
import { portalText } from "@/lib/i18n/portal";
import { type ActionResult, serverAction } from "@/lib/server/action";
import { answerFamilyRequest } from "@/lib/use-cases/families/answer-family-request";
import { recordFamilyRequest } from "@/lib/use-cases/families/record-family-request";

const SAVED: ActionFormState = { status: "saved", message: "", fieldErrors: {} };

const record = serverAction(
  recordFamilyRequestSchema.extend({ studentId: z.uuid() }),
  async (ctx, { studentId, ...input }) => {
    const request = await recordFamilyRequest(ctx, studentId, input);
    revalidatePath(`/portal/children/${studentId}/requests`);
    revalidatePath("/dashboard");
    return request.id;
  },
);

const answer = serverAction(
  answerFamilyRequestSchema.extend({ requestId: z.uuid() }),
  async (ctx, { requestId, ...input }) => {
    const answered = await answerFamilyRequest(ctx, requestId, input);
    revalidatePath("/dashboard");
    revalidatePath(`/portal/children/${answered.studentId}/requests`);
    return answered.id;
  },
);

/**
 * A guardian's question or amendment request from the portal. The kind comes with the form it
 * was sent from; the refusal is worded in the portal's language (the schema's words are the
 * API's, in English), the field's own error under the field.
 */
export async function askFamilyRequestAction(
  studentId: string,
  kind: FamilyRequestKind,
  locale: string,
  _state: ActionFormState,
  data: FormData,
): Promise<ActionFormState> {
  const result = await record({ studentId, kind, body: data.get("body") ?? undefined });
  if (result.ok) return SAVED;
  const words = portalText(locale).text.requests;
  const bodyRefused = result.fieldErrors.some((error) => error.path === "body");
  return {
    status: "error",
    message: bodyRefused ? words.failed : words.notSent,
    fieldErrors: bodyRefused ? { body: words.bodyError } : {},
  };
}

/** The team's answer, from the dashboard; staff read the refusal as the server words it. */
export async function answerFamilyRequestAction(
  requestId: string,
  _state: ActionFormState,
  data: FormData,
): Promise<ActionFormState> {
  return stateOf(await answer({ requestId, answer: data.get("answer") ?? undefined }));
}

function stateOf(result: ActionResult<unknown>): ActionFormState {
  if (result.ok) return SAVED;
  return {
    status: "error",
    message: result.message,
    fieldErrors: Object.fromEntries(result.fieldErrors.map((e) => [e.path, e.message])),
  };
}
