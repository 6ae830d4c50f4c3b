import { and, asc, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Actor, Role } from "@/lib/domain/policy";
import type { Database, Tx } from "../client";
import { districts, staff, users } from "../schema";
import { everyWordMatches } from "./people";
import { tenantJoin } from "./tenant-join";

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
  db: Database | Tx,
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

/** What an actor is made of: the account and its district. */
const actorColumns = {
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
};

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
    .select(actorColumns)
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

/**
 * `actorById` for a session, as a request's first check sends it beside the tenant setting
 * (db/with-tenant.ts): prepared, so it is one message that needs no answer before it is sent.
 */
export async function sessionActorNow(
  tx: Tx,
  tenantId: string,
  userId: string,
  sessionSignedInAt: Date,
): Promise<Actor | null> {
  const [row] = await tx
    .select(actorColumns)
    .from(users)
    .innerJoin(districts, eq(districts.id, users.tenantId))
    .where(
      and(
        eq(users.tenantId, sql.placeholder("tenant")),
        eq(users.id, sql.placeholder("user")),
        eq(users.active, true),
        or(
          isNull(users.sessionsRevokedAt),
          lt(users.sessionsRevokedAt, sql.placeholder("signedInAt")),
        ),
      ),
    )
    .prepare("session_actor_now")
    .execute({ tenant: tenantId, user: userId, signedInAt: sessionSignedInAt.toISOString() });
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
  locale: users.locale,
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
    .leftJoin(staff, tenantJoin(staff.id, users.staffId))
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
    .select({ ...accountColumns, passwordHash: users.passwordHash })
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

/**
 * A new sign-in account without a password (set through a password link, or not at all when
 * the person signs in with the district's SSO). Null when the e-mail address has an account
 * already, in any district: sign-in knows only the address, so it is unique across districts.
 */
export async function insertAccount(
  tx: Tx,
  account: {
    tenantId: string;
    email: string;
    name: string;
    role: Role;
    locale: string;
    staffId?: string;
    guardianId?: string;
  },
): Promise<{ id: string } | null> {
  const [row] = await tx
    .insert(users)
    .values(account)
    .onConflictDoNothing()
    .returning({ id: users.id });
  return row ?? null;
}

/**
 * A new password, and every session begun up to `revokeSessionsAt` over (the browsers that
 * knew the old password sign in again; actorById compares with sessions_revoked_at).
 */
export async function setPasswordHash(
  tx: Tx,
  tenantId: string,
  userId: string,
  passwordHash: string,
  revokeSessionsAt: Date,
): Promise<void> {
  await tx
    .update(users)
    .set({ passwordHash, sessionsRevokedAt: laterRevocation(revokeSessionsAt) })
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
}

/** The revocation instant never moves back: that would revive sessions already ended. */
const laterRevocation = (at: Date) =>
  sql<Date>`greatest(${users.sessionsRevokedAt}, ${at.toISOString()}::timestamptz)`;

/**
 * Ends the sessions of `userId` that began at or before `upTo` (a sign-out passes its own
 * session's sign-in instant: see docs/decisions/0013-trust-fixes.md).
 */
export async function revokeSessionsUpTo(
  tx: Tx,
  tenantId: string,
  userId: string,
  upTo: Date,
): Promise<void> {
  await tx
    .update(users)
    .set({ sessionsRevokedAt: laterRevocation(upTo) })
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
}
