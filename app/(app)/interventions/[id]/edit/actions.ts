"use server";

import { ValidationError } from "@/lib/domain/errors";
import { updateInterventionSchema } from "@/lib/domain/interventions/update-schema";
import { actionArgument, serverAction } from "@/lib/server/action";
import { updateIntervention } from "@/lib/use-cases/interventions/update-intervention";

/**
 * The edit form's save (issue 10): the fields it changed with the version it read, as
 * `PUT /interventions/{id}` with `If-Match` would send them. A stale version, or a schedule
 * with conflicts, is refused with a 409 (the conflicts in `details`).
 */
export const updateInterventionAction = serverAction(
  updateInterventionSchema,
  async (ctx, input, interventionId) => {
    if (input.version === undefined) {
      throw new ValidationError([
        { path: "version", message: "Reload the page: the version read is missing." },
      ]);
    }
    const updated = await updateIntervention(ctx, interventionId, input, input.version);
    return { id: updated.id, version: updated.version, sessionCount: updated.sessionCount };
  },
  actionArgument.id,
);
