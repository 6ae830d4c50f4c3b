import postgres from "postgres";
import { APP_ROLE, appPassword, databaseName, OWNER_ROLE, ownerPassword } from "./roles";

/**
 * Prepares a server for the service when the given connection may manage roles: creates the
 * owner role (runs migrations, owns the schema) and the app role (serves requests: no
 * superuser, no BYPASSRLS, owns nothing), and lets the owner create schemas in the database.
 * Returns false when the connection may not, in which case a DBA has done this (README).
 */
export async function bootstrapRoles(adminUrl: string): Promise<boolean> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [me] = await admin<{ rolsuper: boolean; rolcreaterole: boolean }[]>`
      select rolsuper, rolcreaterole from pg_roles where rolname = current_user`;
    if (!me?.rolsuper && !me?.rolcreaterole) return false;

    for (const [role, password] of [
      [OWNER_ROLE, ownerPassword()],
      [APP_ROLE, appPassword()],
    ] as const) {
      const exists = await admin`select 1 from pg_roles where rolname = ${role}`;
      const verb = exists.length > 0 ? "alter" : "create";
      // Identifiers and the password literal cannot be bind parameters in role DDL.
      await admin.unsafe(
        `${verb} role ${role} with login nosuperuser nobypassrls nocreatedb nocreaterole noinherit password '${password.replaceAll("'", "''")}'`,
      );
    }
    const database = databaseName(adminUrl);
    await admin.unsafe(
      `grant connect, create, temporary on database "${database}" to ${OWNER_ROLE}`,
    );
    await admin.unsafe(`grant connect, temporary on database "${database}" to ${APP_ROLE}`);
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
