import { UnprocessableError } from "../errors";

/**
 * Every kind of entry on a student's tier timeline (the `tier_changes.decision` column, the
 * API's tier history). `start` is a student's first placement, written by the demo history
 * (scripts/seed/write-history.ts); a change is always one of the others.
 */
export const TIER_DECISIONS = ["start", "escalate", "step-down", "exit", "refer"] as const;
export type RecordedTierDecision = (typeof TIER_DECISIONS)[number];

/** What a change of tier is (tierDecision below). */
export type TierDecision = Exclude<RecordedTierDecision, "start">;

/** The decisions a person names; the others follow from the direction of the change. */
export const REQUESTED_TIER_DECISIONS = [
  "exit",
  "refer",
] as const satisfies readonly TierDecision[];
export type RequestedTierDecision = (typeof REQUESTED_TIER_DECISIONS)[number];

/**
 * What a tier change is: up is an escalation, down a step-down; an exit ends tiered support
 * (back to tier 1); a referral may keep the tier. Contradictions are refused with the field
 * to fix.
 */
export function tierDecision(
  fromTier: number,
  toTier: number,
  requested?: RequestedTierDecision,
): TierDecision {
  if (requested === "refer") return "refer";
  if (requested === "exit") {
    if (toTier !== 1 || fromTier === 1) {
      throw new UnprocessableError("An exit returns a student in tier 2 or 3 to tier 1.", [
        { path: "toTier", message: "An exit is a move to tier 1." },
      ]);
    }
    return "exit";
  }
  if (toTier === fromTier) {
    throw new UnprocessableError(`The student is already in tier ${toTier}.`, [
      { path: "toTier", message: "Choose a different tier." },
    ]);
  }
  return toTier > fromTier ? "escalate" : "step-down";
}
