import { localDateSchema } from "../interventions/schemas";
import { z } from "../zod";
import { REQUESTED_TIER_DECISIONS } from "./decision";
import { tierFieldSchema } from "./tier";

/** One member of the team that took a decision, as they were that day. */
export const teamMemberSchema = z.object({
  /** The staff record, when the member was picked from the staff directory. */
  staffId: z.uuid().nullish(),
  name: z
    .string({ message: "Name the team member." })
    .trim()
    .min(1, "Name the team member.")
    .max(200, "200 characters at most."),
  role: z
    .string({ message: "Give the team member's role." })
    .trim()
    .min(1, "Give the team member's role, e.g. Reading specialist.")
    .max(100, "100 characters at most."),
});
export type TeamMember = z.output<typeof teamMemberSchema>;

/**
 * A change of a student's MTSS tier (Scenario 7 and 12): the new tier and the justification,
 * which the audit trail keeps, the team who decided, and — for a move up while the intervention
 * was not delivered as planned — the reason to go on (lib/domain/tiers/fidelity-gate.ts). The
 * kind (`decision`) follows the direction unless named; a named kind must agree with it. The data
 * behind the decision is taken by the server when it is saved, never sent by the client.
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
  /** The intervention whose data the decision rests on, if any: its data is the snapshot. */
  interventionId: z.uuid().nullish(),
  /** Who decided, with their role. */
  team: z.array(teamMemberSchema).max(20, "20 team members at most.").default([]),
  /** Required for a move up when the intervention's fidelity is below 80 %. */
  lowFidelityReason: z.string().trim().max(2000, "2000 characters at most.").nullish(),
});

export type ChangeTierInput = z.output<typeof changeTierSchema>;
