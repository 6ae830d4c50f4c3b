"use server";

import { revalidatePath } from "next/cache";
import { changeTierSchema } from "@/lib/domain/tiers/schemas";
import { z } from "@/lib/domain/zod";
import { actionArgument, serverAction } from "@/lib/server/action";
import { changeTier } from "@/lib/use-cases/tiers/change-tier";

const recordTierDecision = serverAction(
  changeTierSchema.extend({ studentId: z.uuid() }),
  async (ctx, { studentId, ...input }, idempotencyKey) => {
    const result = await changeTier(ctx, studentId, input, idempotencyKey.slice(0, 200));
    // Both pages that show the student's tier carry the form.
    revalidatePath(`/students/${studentId}`);
    revalidatePath(`/admin/audit/students/${studentId}`);
    return {
      toTier: result.body.toTier,
      decision: result.body.decision,
      snapshotUrl: result.body.snapshotUrl,
      lettersQueued: result.body.lettersQueued,
    };
  },
  actionArgument.idempotencyKey,
);

/** The tier form's action; the student is bound by the page, the key made by the form. */
export async function changeTierAction(studentId: string, values: unknown, idempotencyKey: string) {
  return recordTierDecision({ ...(values as object), studentId }, idempotencyKey);
}
