import postgres from "postgres";
import { APP_ROLE, databaseName, OWNER_ROLE, type RolePasswords, WORKER_ROLE } from "./roles";

/**
 * Prepares a server for the service when the given connection may manage roles: creates the
 * owner role (runs migrations, owns the schema), the app role (serves requests) and the worker
 * role (background workers) — the last two no superuser, no BYPASSRLS, owning nothing — and lets
 * them into the database. `passwords` is asked only then; without it the roles must exist
 * already and keep their passwords (another database on the same server). Returns false when
 * the connection may not manage roles, in which case a DBA has done this (README).
 */
export async function bootstrapRoles(
  adminUrl: string,
  passwords?: () => RolePasswords,
): Promise<boolean> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [me] = await admin<{ rolsuper: boolean; rolcreaterole: boolean }[]>`
      select rolsuper, rolcreaterole from pg_roles where rolname = current_user`;
    if (!me?.rolsuper && !me?.rolcreaterole) return false;

    const given = passwords?.();
    for (const [role, password] of [
      [OWNER_ROLE, given?.owner],
      [APP_ROLE, given?.app],
      [WORKER_ROLE, given?.worker],
    ] as const) {
      const exists = (await admin`select 1 from pg_roles where rolname = ${role}`).length > 0;
      if (password === undefined) {
        if (!exists) throw new Error(`The role ${role} does not exist and no password was given.`);
        continue;
      }
      // Identifiers and the password literal cannot be bind parameters in role DDL.
      await admin.unsafe(
        `${exists ? "alter" : "create"} role ${role} with login nosuperuser nobypassrls nocreatedb nocreaterole noinherit password '${password.replaceAll("'", "''")}'`,
      );
    }
    const database = databaseName(adminUrl);
    await admin.unsafe(
      `grant connect, create, temporary on database "${database}" to ${OWNER_ROLE}`,
    );
    for (const role of [APP_ROLE, WORKER_ROLE]) {
      await admin.unsafe(`grant connect, temporary on database "${database}" to ${role}`);
    }
    // Extensions the migrations use; trusted ones need only CREATE, but a superuser is surest.
    await admin.unsafe("create extension if not exists btree_gist");
    await admin.unsafe("create extension if not exists pgcrypto");
    return true;
  } finally {
    await admin.end({ timeout: 5 });
  }
}

/** Creates `database` on the server of `adminUrl` when it does not exist yet. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await admin`select 1 from pg_database where datname = ${database}`;
    if (rows.length === 0) await admin.unsafe(`create database "${database}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${database}" with (force)`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}
