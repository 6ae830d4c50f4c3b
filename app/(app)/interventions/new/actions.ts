"use server";

import { createInterventionSchema } from "@/lib/domain/interventions/schemas";
import { actionArgument, serverAction } from "@/lib/server/action";
import { createIntervention } from "@/lib/use-cases/interventions/create-intervention";

/** The form sends a key made when it opened, so a double click or a retry creates one group. */
export const createInterventionAction = serverAction(
  createInterventionSchema,
  async (ctx, input, idempotencyKey) => {
    const result = await createIntervention(ctx, input, idempotencyKey.slice(0, 200));
    return { id: result.body.id, sessionCount: result.body.sessionCount };
  },
  actionArgument.idempotencyKey,
);
