import type { Actor } from "./actor";

/**
 * Who may see and hand out the district's accountability data: the audit trail, disclosures,
 * the published-events feed (it carries every student's events) and API tokens. District
 * admins only; a bearer token acts with the role it was given.
 */
export function isDistrictAdmin(actor: Pick<Actor, "role">): boolean {
  return actor.role === "admin";
}

export const canReadAuditTrail = isDistrictAdmin;
export const canExportStudentRecord = isDistrictAdmin;
export const canReadEventFeed = isDistrictAdmin;
export const canManageApiTokens = isDistrictAdmin;
export const canManageAccounts = isDistrictAdmin;
/** The district's letters to families: their wording and whether families may opt out. */
export const canEditLetters = isDistrictAdmin;
/** The district's school years and their year-end rollover. */
export const canManageSchoolYears = isDistrictAdmin;

/** Roles a token may carry: those that work district-wide without a staff or guardian record. */
export const TOKEN_ROLES = ["admin", "specialist"] as const;
export type TokenRole = (typeof TOKEN_ROLES)[number];

/** Whether a stored token's role is one a token may act with (a stale or forged row is not). */
export function isTokenRole(role: string): role is TokenRole {
  return (TOKEN_ROLES as readonly string[]).includes(role);
}

/**
 * Whose reads of student records are logged: staff and API tokens, the school officials whose
 * access FERPA asks a district to account for. A guardian reading their own child's plan is
 * the family seeing its own record, not a disclosure, and is not logged.
 */
export function isLoggedReader(actor: Pick<Actor, "role">): boolean {
  return actor.role !== "parent";
}
