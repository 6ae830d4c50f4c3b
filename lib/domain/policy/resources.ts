import type { Actor } from "./actor";
import { isDistrictAdmin } from "./district-admin";
import { type InterventionAccess, isManager } from "./policy";

/**
 * The district's resource catalogue, rooms, staff cost rates and the utilization report
 * (Scenario 9): admins keep them; specialists read the catalogue and rooms to plan groups.
 */
export const canManageResources = isDistrictAdmin;

export function canReadResources(actor: Pick<Actor, "role">): boolean {
  return isManager(actor);
}

/** Hours booked per room and resource, idle resources: an admin's report. */
export const canReadUtilization = isDistrictAdmin;

/** The district's loaded hourly cost per staff role: set by admins. */
export const canEditStaffCosts = isDistrictAdmin;

/** A group's budget (it carries the district's pay rates): those who manage the group. */
export function canReadBudget(access: InterventionAccess): boolean {
  return access === "manage";
}
