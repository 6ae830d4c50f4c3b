import { UnprocessableError } from "../errors";

/**
 * Every kind of entry on a student's tier timeline (the `tier_changes.decision` column, the
 * API's tier history). `start` is a student's first placement, written by the demo history
 * (scripts/seed/write-history.ts); `carry-over` keeps the tier into the next school year at the
 * year-end rollover (lib/use-cases/school-years/close-school-year.ts); a change is always one of
 * the others.
 */
export const TIER_DECISIONS = [
  "start",
  "escalate",
  "step-down",
  "exit",
  "refer",
  "carry-over",
] as const;
export type RecordedTierDecision = (typeof TIER_DECISIONS)[number];

/**
 * The decisions a person may name. `escalate` and `step-down` must agree with the direction of
 * the change; `start` is a first placement (no decision on record yet); `exit` and `refer` are
 * described below. Without one, the kind follows from the direction.
 */
export const REQUESTED_TIER_DECISIONS = [
  "start",
  "escalate",
  "step-down",
  "exit",
  "refer",
] as const satisfies readonly RecordedTierDecision[];
export type RequestedTierDecision = (typeof REQUESTED_TIER_DECISIONS)[number];

const refused = (message: string, path: string, field: string) =>
  new UnprocessableError(message, [{ path, message: field }]);

/**
 * What a tier change is: up is an escalation, down a step-down; an exit ends tiered support
 * (back to tier 1); a referral may keep the tier; a start is a student's first placement, in
 * whichever direction. Contradictions are refused with the field to fix.
 */
export function tierDecision(
  fromTier: number,
  toTier: number,
  requested?: RequestedTierDecision,
  facts: { firstPlacement?: boolean } = {},
): RecordedTierDecision {
  if (requested === "refer") return "refer";
  if (requested === "exit") {
    if (toTier !== 1 || fromTier === 1) {
      throw refused(
        "An exit returns a student in tier 2 or 3 to tier 1.",
        "toTier",
        "An exit is a move to tier 1.",
      );
    }
    return "exit";
  }
  if (toTier === fromTier) {
    throw refused(
      `The student is already in tier ${toTier}.`,
      "toTier",
      "Choose a different tier.",
    );
  }
  if (requested === "start") {
    if (!facts.firstPlacement) {
      throw refused(
        "The student already has a tier decision on record; a start is a first placement.",
        "decision",
        "Choose escalate, step down, exit or refer.",
      );
    }
    return "start";
  }
  const direction = toTier > fromTier ? "escalate" : "step-down";
  if (requested && requested !== direction) {
    throw refused(
      requested === "escalate"
        ? `An escalation moves a student up from tier ${fromTier}.`
        : `A step-down moves a student down from tier ${fromTier}.`,
      "toTier",
      requested === "escalate" ? "Choose a higher tier." : "Choose a lower tier.",
    );
  }
  return direction;
}
