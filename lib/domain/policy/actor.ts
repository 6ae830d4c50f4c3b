export type Role = "specialist" | "facilitator" | "teacher" | "parent" | "admin";

export const ROLE_LABELS: Record<Role, string> = {
  specialist: "Intervention specialist",
  facilitator: "Facilitator",
  teacher: "Teacher",
  parent: "Parent / guardian",
  admin: "District admin",
};

/** Every role, in the order the labels list them (as Zod's enum wants it: never empty). */
export const ROLES = Object.keys(ROLE_LABELS) as [Role, ...Role[]];

/**
 * Staff: every role but `parent`, in the labels' order. A staff account works through a staff
 * record (rosters, facilitation); a parent account through a guardian record instead.
 */
export const STAFF_ROLES = [
  "specialist",
  "facilitator",
  "teacher",
  "admin",
] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * The signed-in person, loaded from the database on every request (so a deactivated account
 * or a changed role takes effect at once). The tenant comes from here, never from input.
 */
export interface Actor {
  userId: string;
  tenantId: string;
  role: Role;
  name: string;
  email: string;
  /** Staff record of staff users; the facilitator assignments and class rosters hang off it. */
  staffId: string | null;
  /** Guardian record of parents; their children hang off it. */
  guardianId: string | null;
  districtName: string;
  timeZone: string;
  locale: string;
}
