import { UnprocessableError } from "../errors";

export type TierDecision = "escalate" | "step-down" | "exit" | "refer";

/**
 * What a tier change is: up is an escalation, down a step-down; an exit ends tiered support
 * (back to tier 1); a referral may keep the tier. Contradictions are refused with the field
 * to fix.
 */
export function tierDecision(
  fromTier: number,
  toTier: number,
  requested?: "exit" | "refer",
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
