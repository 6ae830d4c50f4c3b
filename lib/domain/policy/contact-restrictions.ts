import type { Actor } from "./actor";
import { isDistrictAdmin } from "./district-admin";

/**
 * Custody and contact restrictions (issue 13, point 4) decide who hears about a child and who
 * sees the child in the portal: district admins record and lift them, as they give portal
 * accounts (canManageAccounts). A specialist who learns of a court order asks an admin; the
 * restriction is the district's legal record, not a case note.
 */
export function canManageContactRestrictions(actor: Pick<Actor, "role">): boolean {
  return isDistrictAdmin(actor);
}
