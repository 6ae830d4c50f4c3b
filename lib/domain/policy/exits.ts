import type { Actor } from "./actor";
import { type InterventionAccess, isManager } from "./policy";

/**
 * Exits (Scenario 11; docs/domain.md, "Exit criteria"). The group's facilitators see who is
 * ready and recommend (a specialist or admin, who manages every group, may too); specialists
 * and admins decide (approve, decline), end an enrollment for another reason and read the whole
 * exit-review list. Follow-ups after an exit are the facilitator's (managers may record them).
 */
export function mayRecommendExit(access: InterventionAccess): boolean {
  return access === "run" || access === "manage";
}

export function mayDecideExits(actor: Pick<Actor, "role">): boolean {
  return isManager(actor);
}

/** The exit-review list: the whole district for managers, their groups' for facilitators. */
export function exitReviewScope(
  actor: Pick<Actor, "role" | "staffId">,
): "district" | "own-groups" | "none" {
  if (isManager(actor)) return "district";
  if (actor.role === "parent" || !actor.staffId) return "none";
  return "own-groups";
}

export function mayRecordFollowUp(access: InterventionAccess): boolean {
  return access === "run" || access === "manage";
}
