"use server";

import { revalidatePath } from "next/cache";
import { holdSummarySchema } from "@/lib/domain/families/reporting-periods";
import { actionArgument, serverAction } from "@/lib/server/action";
import { setProgressSummaryHold } from "@/lib/use-cases/families/hold-progress-summary";

/** "Hold this summary", with the reason, before the period ends. */
export const holdSummaryAction = serverAction(
  holdSummarySchema,
  async (ctx, input, studentId) => {
    const done = await setProgressSummaryHold(ctx, studentId, { ...input, held: true });
    revalidatePath(`/students/${studentId}/summary`);
    return done;
  },
  actionArgument.id,
);

/** "Release the hold": the summary goes out with the others after the period. */
export const releaseSummaryAction = serverAction(
  holdSummarySchema.pick({ periodId: true }),
  async (ctx, input, studentId) => {
    const done = await setProgressSummaryHold(ctx, studentId, { ...input, held: false });
    revalidatePath(`/students/${studentId}/summary`);
    return done;
  },
  actionArgument.id,
);
