import type { FieldError } from "../errors";
import { type Actor, ROLES, type Role, STAFF_ROLES } from "../policy/actor";
import { isStaff } from "../policy/policy";
import { z } from "../zod";

// The staff roles are the policy's (policy/actor.ts), re-exported for the account forms.
export { STAFF_ROLES, type StaffRole } from "../policy/actor";

export const userAccessSchema = z.object({
  userId: z.uuid("Pick an account from the list."),
  role: z.enum(ROLES, { message: "Choose a role." }),
  active: z.stringbool().or(z.boolean()),
});
export type UserAccessInput = z.output<typeof userAccessSchema>;

/** An account for a staff member (with a staff role) or for a guardian (the family portal). */
export const giveAccountSchema = z.union([
  z.object({
    staffId: z.uuid("Pick a staff member from the list."),
    role: z.enum(STAFF_ROLES, { message: "Choose a staff role." }),
  }),
  z.object({ guardianId: z.uuid("Pick a guardian from the list.") }),
]);
export type GiveAccountInput = z.output<typeof giveAccountSchema>;

/** The admin's filter of the account list. */
export const accountsQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  role: z.enum(ROLES).optional().catch(undefined),
});
export type AccountsQuery = z.output<typeof accountsQuerySchema>;

export interface AccountForAccess {
  userId: string;
  role: Role;
  staffId: string | null;
  guardianId: string | null;
}

/**
 * Why a district admin may not give an account this role and status, or null when they may.
 * A role needs the record it works through: staff roles act through a staff record (rosters,
 * facilitation), the parent role through a guardian record (their children). An admin does not
 * demote or deactivate themselves, so a district always keeps someone who can undo a mistake.
 */
export function accessChangeRefusal(
  admin: Pick<Actor, "userId">,
  account: AccountForAccess,
  change: { role: Role; active: boolean },
): FieldError | null {
  const staffRole = isStaff({ role: change.role });
  if (staffRole && !account.staffId)
    return { path: "role", message: "A family account cannot take a staff role." };
  if (change.role === "parent" && !account.guardianId)
    return { path: "role", message: "A staff account cannot become a parent account." };
  if (account.userId === admin.userId) {
    if (change.role !== "admin")
      return { path: "role", message: "You cannot change your own role; ask another admin." };
    if (!change.active)
      return { path: "active", message: "You cannot deactivate your own account." };
  }
  return null;
}

/** The roles an admin can pick for this account (see accessChangeRefusal). */
export function rolesFor(account: Pick<AccountForAccess, "staffId" | "guardianId">): Role[] {
  return [
    ...(account.staffId ? STAFF_ROLES : []),
    ...(account.guardianId ? ["parent" as const] : []),
  ];
}
