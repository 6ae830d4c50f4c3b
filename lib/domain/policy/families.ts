import type { Actor } from "./actor";
import { isFamily, isManager, isStaff } from "./policy";

/**
 * How an actor is tied to one child, as the family's part of the record asks it (issue 13,
 * point 3): the disclosure log, the messages to the family, and the family's requests.
 */
export interface FamilyRecordTie {
  /**
   * A guardian of the child whom no custody or contact restriction keeps from the child: a
   * restricted guardian is treated as not related at all (student_guardians.contact_restricted).
   */
  guardianOfStudent: boolean;
  /** Facilitates one of the child's groups, now or before (facilitators keep their groups). */
  facilitatesStudent: boolean;
}

/**
 * Who reads the family's part of a child's record: the child's (unrestricted) guardians, and the
 * child's team — the district's specialists and admins, and whoever facilitates one of the
 * child's groups. A teacher, another family and a restricted guardian do not: to them the child
 * is not found.
 */
export function readsFamilyRecord(actor: Pick<Actor, "role">, tie: FamilyRecordTie): boolean {
  if (isFamily(actor)) return tie.guardianOfStudent;
  return isManager(actor) || (isStaff(actor) && tie.facilitatesStudent);
}

/**
 * A guardian reads what concerns them: the messages sent to them and the requests they made, not
 * a co-parent's (each has their own account, and may write what they would not share); the team
 * reads every guardian's.
 */
export function familyRecordReach(actor: Pick<Actor, "role">): "own" | "every-guardian" {
  return isFamily(actor) ? "own" : "every-guardian";
}

/** A question or an amendment is the family's to ask, from the portal or the API. */
export function mayAskFamilyRequest(actor: Pick<Actor, "role">, tie: FamilyRecordTie): boolean {
  return isFamily(actor) && tie.guardianOfStudent;
}

/** The child's team answers the family: the same people who read the family's record, staff only. */
export function mayAnswerFamilyRequest(actor: Pick<Actor, "role">, tie: FamilyRecordTie): boolean {
  return isStaff(actor) && readsFamilyRecord(actor, tie);
}

/**
 * The dashboard's list of open requests: the whole district for specialists and admins, the
 * children of their groups for other staff with a staff record, none for families.
 */
export function familyRequestQueue(
  actor: Pick<Actor, "role" | "staffId">,
): "district" | "own-groups" | "none" {
  if (isManager(actor)) return "district";
  if (!isStaff(actor) || !actor.staffId) return "none";
  return "own-groups";
}
