import { and, asc, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Actor, Role } from "@/lib/domain/policy";
import type { Database, Tx } from "../client";
import { districts, staff, users } from "../schema";
import { everyWordMatches } from "./people";

export interface SignInAccount {
  tenantId: string;
  userId: string;
  passwordHash: string | null;
  active: boolean;
}

/**
 * Sign-in knows only an e-mail address, so it is the one lookup that spans districts. It goes
 * through a SECURITY DEFINER function (drizzle/0001_security.sql) that returns just this account.
 */
export async function findSignInAccount(
  db: Database,
  email: string,
): Promise<SignInAccount | null> {
  const rows = await db.execute<{
    tenant_id: string;
    user_id: string;
    password_hash: string | null;
    active: boolean;
  }>(sql`select * from intervention.find_sign_in_account(${email})`);
  const row = rows[0];
  return row
    ? {
        tenantId: row.tenant_id,
        userId: row.user_id,
        passwordHash: row.password_hash,
        active: row.active,
      }
    : null;
}

/**
 * The actor for a signed-in user; null when the account is gone or switched off, or, given
 * when the session began, when the account was switched off after that.
 */
export async function actorById(
  tx: Tx,
  tenantId: string,
  userId: string,
  session?: { sessionSignedInAt: Date },
): Promise<Actor | null> {
  const [row] = await tx
    .select({
      userId: users.id,
      tenantId: users.tenantId,
      role: users.role,
      name: users.name,
      email: users.email,
      staffId: users.staffId,
      guardianId: users.guardianId,
      locale: users.locale,
      districtName: districts.name,
      timeZone: districts.timeZone,
    })
    .from(users)
    .innerJoin(districts, eq(districts.id, users.tenantId))
    .where(
      and(
        eq(users.tenantId, tenantId),
        eq(users.id, userId),
        eq(users.active, true),
        session
          ? or(
              isNull(users.sessionsRevokedAt),
              lt(users.sessionsRevokedAt, session.sessionSignedInAt),
            )
          : undefined,
      ),
    );
  return row ?? null;
}

export async function recordSignIn(
  tx: Tx,
  tenantId: string,
  userId: string,
  at: Date,
): Promise<void> {
  await tx
    .update(users)
    .set({ lastSignInAt: at })
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
}

const accountColumns = {
  userId: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  active: users.active,
  staffId: users.staffId,
  guardianId: users.guardianId,
  lastSignInAt: users.lastSignInAt,
};

/** The district's sign-in accounts for the admin's list: active first, then by name. */
export async function listDistrictAccounts(
  tx: Tx,
  tenantId: string,
  filter: { q?: string; role?: Role; limit: number },
) {
  return tx
    .select({ ...accountColumns, title: staff.title })
    .from(users)
    .leftJoin(staff, and(eq(staff.tenantId, users.tenantId), eq(staff.id, users.staffId)))
    .where(
      and(
        eq(users.tenantId, tenantId),
        filter.role ? eq(users.role, filter.role) : undefined,
        ...everyWordMatches(filter.q, [users.name, users.email]),
      ),
    )
    .orderBy(desc(users.active), asc(users.name))
    .limit(filter.limit);
}

/** One account, locked for the change about to be made to it. */
export async function accountForUpdate(tx: Tx, tenantId: string, userId: string) {
  const [row] = await tx
    .select(accountColumns)
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)))
    .for("update");
  return row ?? null;
}

export async function setAccountAccess(
  tx: Tx,
  tenantId: string,
  userId: string,
  access: { role: Role; active: boolean; sessionsRevokedAt?: Date },
): Promise<void> {
  await tx
    .update(users)
    .set(access)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
}
