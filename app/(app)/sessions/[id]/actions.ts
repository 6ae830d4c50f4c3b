"use server";

import {
  addSessionSchema,
  cancelSessionSchema,
  rescheduleSessionSchema,
} from "@/lib/domain/sessions/schemas";
import { actionArgument, serverAction } from "@/lib/server/action";
import { addSession } from "@/lib/use-cases/sessions/add-session";
import { cancelSession } from "@/lib/use-cases/sessions/cancel-session";
import { rescheduleSession } from "@/lib/use-cases/sessions/reschedule-session";

export const cancelSessionAction = serverAction(
  cancelSessionSchema,
  (ctx, input, sessionId) => cancelSession(ctx, sessionId, input),
  actionArgument.id,
);

export const rescheduleSessionAction = serverAction(
  rescheduleSessionSchema,
  (ctx, input, sessionId) => rescheduleSession(ctx, sessionId, input),
  actionArgument.id,
);

export const addMakeupSessionAction = serverAction(
  addSessionSchema,
  async (ctx, input, interventionId) => {
    const session = await addSession(ctx, interventionId, input);
    return { id: session.id };
  },
  actionArgument.id,
);
