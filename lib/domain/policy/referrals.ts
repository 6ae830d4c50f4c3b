import type { Actor } from "./actor";
import { isFamily, isManager, isStaff } from "./policy";

/**
 * The special-education referral packet discloses a student's whole intervention record to the
 * evaluation team: the district's specialists and admins prepare it (they see every student and
 * every note). A facilitator or teacher of the student asks them; the packet is not theirs to
 * send (docs/domain.md, "Referral packet").
 */
export function canPrepareReferralPacket(actor: Pick<Actor, "role">): boolean {
  return isManager(actor);
}

/**
 * A request for an evaluation is recorded whoever hears it and whatever the intervention process
 * says: a parent for their own child, any staff member for any student of the district.
 */
export function mayRecordEvaluationRequest(
  actor: Pick<Actor, "role">,
  tie: { guardianOfStudent: boolean },
): boolean {
  return isStaff(actor) || (isFamily(actor) && tie.guardianOfStudent);
}

/** The school's answer to a request comes from the team that decides on evaluations. */
export function canAnswerEvaluationRequests(actor: Pick<Actor, "role">): boolean {
  return isManager(actor);
}
