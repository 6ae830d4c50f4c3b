import type { Actor, Role } from "./actor";

/** The roles that plan and manage interventions for a whole district. */
const MANAGERS: readonly Role[] = ["specialist", "admin"];
const STAFF: readonly Role[] = ["specialist", "facilitator", "teacher", "admin"];

export function isStaff(actor: Pick<Actor, "role">): boolean {
  return STAFF.includes(actor.role);
}

/** A specialist or a district admin: the roles that plan and manage for the whole district. */
export function isManager(actor: Pick<Actor, "role">): boolean {
  return MANAGERS.includes(actor.role);
}

export function canCreateIntervention(actor: Pick<Actor, "role">): boolean {
  return isManager(actor);
}

/** Enroll or exit students, change tiers, edit an intervention. */
export function canManageIntervention(actor: Pick<Actor, "role">): boolean {
  return isManager(actor);
}

/** Facts about how the actor relates to one intervention, gathered by the data layer. */
export interface InterventionRelation {
  /** The actor's staff record is one of the intervention's facilitators. */
  facilitates: boolean;
  /** A student on one of the actor's class rosters is enrolled. */
  teachesEnrolledStudent: boolean;
  /** One of the actor's children is enrolled. */
  guardianOfEnrolledStudent: boolean;
}

export type InterventionAccess = "manage" | "run" | "view" | "family" | "none";

/**
 * What the actor may do with one intervention (docs/domain.md, "People and what they may see"):
 * managers manage every intervention of their district, facilitators run their own groups,
 * teachers follow groups their students are in, parents see their own child's plan.
 */
export function interventionAccess(
  actor: Pick<Actor, "role">,
  relation: InterventionRelation,
): InterventionAccess {
  if (isManager(actor)) return "manage";
  if (actor.role === "parent") return relation.guardianOfEnrolledStudent ? "family" : "none";
  if (relation.facilitates) return "run";
  if (relation.teachesEnrolledStudent) return "view";
  return "none";
}

/** Facilitators run their groups' sessions (attendance, notes); specialists and admins may step in. */
export function mayRunSessions(access: InterventionAccess): boolean {
  return access === "run" || access === "manage";
}

/** Staff directory and student search are for staff who plan or run groups. */
export function canSearchPeople(actor: Pick<Actor, "role">): boolean {
  return isStaff(actor);
}

/** Who sees every student of the district, not only those on their rosters or groups. */
export function seesAllStudents(actor: Pick<Actor, "role">): boolean {
  return isManager(actor);
}
