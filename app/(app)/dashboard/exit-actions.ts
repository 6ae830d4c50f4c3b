"use server";

import { recommendExitSchema, recordFollowUpSchema } from "@/lib/domain/exit";
import { actionArgument, serverAction } from "@/lib/server/action";
import { recordFollowUp } from "@/lib/use-cases/exits/follow-ups";
import { recommendExit } from "@/lib/use-cases/exits/recommend-exit";

/** "Recommend exit" on the dashboard, as `POST /exit-reviews/{id}/recommend`. */
export const recommendExitAction = serverAction(
  recommendExitSchema,
  (ctx, input, reviewId) => recommendExit(ctx, reviewId, input),
  actionArgument.id,
);

/** The weekly follow-up after an exit: holding or slipping, with an optional probe score. */
export const recordFollowUpAction = serverAction(
  recordFollowUpSchema,
  (ctx, input, followUpId) => recordFollowUp(ctx, followUpId, input),
  actionArgument.id,
);
