import type { Actor } from "./actor";
import { isDistrictAdmin } from "./district-admin";
import { isManager } from "./policy";

/**
 * The schedule's time facts (bell schedules, rotation days, protected blocks, rooms, staff
 * working hours, absences and caseload caps): district admins keep them; specialists, who plan
 * the groups that must fit around them, may read them.
 */
export const canEditTimeFacts = isDistrictAdmin;

export function canReadTimeFacts(actor: Pick<Actor, "role">): boolean {
  return isManager(actor);
}
