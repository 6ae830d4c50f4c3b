/**
 * The people an admin may give a sign-in account to: staff members and guardians, with whether
 * they have one already (docs/domain.md, "Account changes").
 */
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "../client";
import { guardians, staff, studentGuardians, students, users } from "../schema";
import { everyWordMatches } from "./people";
import { tenantJoin } from "./tenant-join";

/** Join conditions to a person's sign-in account, if any. */
const accountOfStaff = tenantJoin(users.staffId, staff.id);
const accountOfGuardian = tenantJoin(users.guardianId, guardians.id);

/** A staff member about to be given an account, with whether they already have one. */
export async function staffForAccount(tx: Tx, tenantId: string, staffId: string) {
  const [row] = await tx
    .select({
      staffId: staff.id,
      firstName: staff.firstName,
      lastName: staff.lastName,
      email: staff.email,
      active: staff.active,
      accountId: users.id,
    })
    .from(staff)
    .leftJoin(users, accountOfStaff)
    .where(and(eq(staff.tenantId, tenantId), eq(staff.id, staffId)));
  return row ?? null;
}

/** Active staff members without an account, for the admin's search. */
export async function staffWithoutAccount(tx: Tx, tenantId: string, q: string, limit: number) {
  return tx
    .select({
      staffId: staff.id,
      name: sql<string>`${staff.firstName} || ' ' || ${staff.lastName}`,
      email: staff.email,
      title: staff.title,
    })
    .from(staff)
    .leftJoin(users, accountOfStaff)
    .where(
      and(
        eq(staff.tenantId, tenantId),
        eq(staff.active, true),
        isNull(users.id),
        ...everyWordMatches(q, [staff.firstName, staff.lastName, staff.email]),
      ),
    )
    .orderBy(asc(staff.lastName), asc(staff.firstName))
    .limit(limit);
}

/** A guardian about to be given a portal account, with whether they already have one. */
export async function guardianForAccount(tx: Tx, tenantId: string, guardianId: string) {
  const [row] = await tx
    .select({
      guardianId: guardians.id,
      firstName: guardians.firstName,
      lastName: guardians.lastName,
      email: guardians.email,
      language: guardians.language,
      accountId: users.id,
    })
    .from(guardians)
    .leftJoin(users, accountOfGuardian)
    .where(and(eq(guardians.tenantId, tenantId), eq(guardians.id, guardianId)));
  return row ?? null;
}

/** Guardians without a portal account, with their children's names, for the admin's search. */
export async function guardiansWithoutAccount(tx: Tx, tenantId: string, q: string, limit: number) {
  return tx
    .select({
      guardianId: guardians.id,
      name: sql<string>`${guardians.firstName} || ' ' || ${guardians.lastName}`,
      email: guardians.email,
      language: guardians.language,
      children: sql<string>`(
        select string_agg(c.first_name || ' ' || c.last_name, ', ' order by c.first_name)
        from ${studentGuardians} sg
        join ${students} c on c.tenant_id = sg.tenant_id and c.id = sg.student_id
        where sg.tenant_id = ${guardians.tenantId} and sg.guardian_id = ${guardians.id})`,
    })
    .from(guardians)
    .leftJoin(users, accountOfGuardian)
    .where(
      and(
        eq(guardians.tenantId, tenantId),
        isNull(users.id),
        ...everyWordMatches(q, [guardians.firstName, guardians.lastName, guardians.email]),
      ),
    )
    .orderBy(asc(guardians.lastName), asc(guardians.firstName))
    .limit(limit);
}
