import { type Actor, type Role, STAFF_ROLES } from "./actor";
import { grantsByRelation } from "./relations";

/** The roles that plan and manage interventions for a whole district. */
const MANAGERS: readonly Role[] = ["specialist", "admin"];

/** Every role but `parent` (actor.ts → STAFF_ROLES). */
export function isStaff(actor: Pick<Actor, "role">): boolean {
  return (STAFF_ROLES as readonly Role[]).includes(actor.role);
}

/** A parent or guardian: the family portal's reader, who sees only their own children. */
export function isFamily(actor: Pick<Actor, "role">): boolean {
  return actor.role === "parent";
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

export const INTERVENTION_RELATIONS = Object.keys({
  facilitates: true,
  teachesEnrolledStudent: true,
  guardianOfEnrolledStudent: true,
} satisfies Record<keyof InterventionRelation, true>) as (keyof InterventionRelation)[];

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

/**
 * Whether the actor sees the intervention at all. The intervention lists filter by it in SQL
 * (db/queries/interventions/visible.ts → visibleInterventions), which takes from
 * interventionVisibility below which connections open a group to this actor, so a change to
 * interventionAccess changes the lists with it.
 */
export function seesIntervention(actor: Pick<Actor, "role">, relation: InterventionRelation) {
  return interventionAccess(actor, relation) !== "none";
}

/** seesIntervention per connection, for the SQL filter (relations.ts says why that is enough). */
export function interventionVisibility(actor: Pick<Actor, "role">) {
  return grantsByRelation(INTERVENTION_RELATIONS, (relation) => seesIntervention(actor, relation));
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
