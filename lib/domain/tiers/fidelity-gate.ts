import { FIDELITY_THRESHOLD } from "../attendance/fidelity";
import { UnprocessableError } from "../errors";

/**
 * Issue 11, point 1: before a student is moved to a more intensive tier, the team checks that
 * the intervention was delivered as planned. With fidelity below the threshold the poor response
 * may be the delivery's, not the student's, so a move up needs a reason to go on anyway. An
 * unknown fidelity (no intervention named, nothing scheduled yet) does not stop the decision:
 * there is no figure to warn about.
 */
export const FIDELITY_GATE_THRESHOLD = FIDELITY_THRESHOLD;

export interface FidelityGateFacts {
  fromTier: number;
  toTier: number;
  /** The lower of the session and minutes rates of the intervention named, 0–1; null unknown. */
  fidelity: number | null;
}

/** Whether this decision must give a reason to proceed at low fidelity (and the form warns). */
export function needsLowFidelityReason(facts: FidelityGateFacts): boolean {
  return (
    facts.toTier > facts.fromTier &&
    facts.fidelity !== null &&
    facts.fidelity < FIDELITY_GATE_THRESHOLD
  );
}

/** The warning the form shows, and the refusal's message. */
export function lowFidelityWarning(fidelity: number): string {
  return `Fidelity is ${Math.round(fidelity * 100)} %, below ${Math.round(FIDELITY_GATE_THRESHOLD * 100)} %: the intervention was not delivered as planned, so the student's response may say more about the delivery than about the student. Give the reason to move to a more intensive tier anyway.`;
}

/**
 * Refuses (422, field `lowFidelityReason`) a move up at low fidelity without a reason; returns
 * the reason to store (null when none is needed and none was given).
 */
export function checkFidelityGate(
  facts: FidelityGateFacts,
  lowFidelityReason: string | null | undefined,
): string | null {
  const reason = lowFidelityReason?.trim() || null;
  if (needsLowFidelityReason(facts) && reason === null) {
    throw new UnprocessableError(lowFidelityWarning(facts.fidelity as number), [
      {
        path: "lowFidelityReason",
        message: "Say why the team moves to a more intensive tier although fidelity is low.",
      },
    ]);
  }
  return reason;
}
