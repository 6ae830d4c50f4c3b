"use server";

import { approveExitSchema, declineExitSchema } from "@/lib/domain/exit";
import { actionArgument, serverAction } from "@/lib/server/action";
import { approveExit } from "@/lib/use-cases/exits/approve-exit";
import { declineExit } from "@/lib/use-cases/exits/decline-exit";

/** "Approve exit" on the exit-review list, as `POST /exit-reviews/{id}/approve`. */
export const approveExitAction = serverAction(
  approveExitSchema,
  async (ctx, input, reviewId) => {
    const review = await approveExit(ctx, reviewId, input);
    return { id: review.id, status: review.status };
  },
  actionArgument.id,
);

/** "Decline" with the reason, as `POST /exit-reviews/{id}/decline`. */
export const declineExitAction = serverAction(
  declineExitSchema,
  async (ctx, input, reviewId) => {
    const review = await declineExit(ctx, reviewId, input);
    return { id: review.id, status: review.status };
  },
  actionArgument.id,
);
