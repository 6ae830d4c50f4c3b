import { localDateSchema } from "../interventions/schemas";
import { z } from "../zod";
import { REQUESTED_TIER_DECISIONS } from "./decision";
import { tierFieldSchema } from "./tier";

/**
 * A change of a student's MTSS tier (Scenario 7 and 12): the new tier and the justification,
 * which the audit trail keeps. `decision` is worked out from the direction of the change, except
 * for an exit from tiered support or a referral for a special-education evaluation.
 */
export const changeTierSchema = z.object({
  toTier: tierFieldSchema,
  reason: z
    .string({ message: "Give the justification for the team and the record." })
    .trim()
    .min(10, "Give the justification for the team and the record (10 characters at least).")
    .max(2000, "2000 characters at most."),
  decision: z.enum(REQUESTED_TIER_DECISIONS).optional(),
  decidedOn: localDateSchema.optional(),
  /** The intervention whose data the decision rests on, if any. */
  interventionId: z.uuid().nullish(),
  /** The data shown when the decision was made (scores, attendance, verdict). */
  dataSnapshot: z.record(z.string(), z.unknown()).optional(),
});

export type ChangeTierInput = z.output<typeof changeTierSchema>;
