import path from "node:path";
import { config } from "@/lib/config";
import { bootstrapRoles, dropDatabase, ensureDatabase } from "./bootstrap";
import { startEmbeddedPostgres } from "./embedded";
import { runMigrations } from "./migrate";
import {
  APP_ROLE,
  appPassword,
  OWNER_ROLE,
  ownerPassword,
  urlForDatabase,
  urlForRole,
} from "./roles";

export interface ProvisionOptions {
  /** A server to use; when absent an embedded PostgreSQL is started under `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  embeddedPort: number;
  /** Use (and create when missing) this database instead of the URL's or `northstar`. */
  database?: string;
  /** Drop `database` first, for a run that must start from nothing (end-to-end tests). */
  recreate?: boolean;
}

export interface ProvisionedDatabase {
  /** Runs migrations and provisioning (districts, demo data); owns the schema. */
  ownerUrl: string;
  /** Serves requests: not superuser, no BYPASSRLS, owns nothing. */
  appUrl: string;
  /** A role that may create databases, when we have one (embedded, or a superuser URL). */
  adminUrl: string | null;
  stop: () => Promise<void>;
}

/** Brings a database to the point where the app can serve requests: server, roles, migrations. */
export async function provisionDatabase(options: ProvisionOptions): Promise<ProvisionedDatabase> {
  if (options.databaseUrl)
    return provisionExternal(options.databaseUrl, options.database, options.recreate);

  const server = await startEmbeddedPostgres(
    path.join(options.dataDir, "pg"),
    options.embeddedPort,
  );
  try {
    const database = options.database ?? "northstar";
    if (options.recreate) await dropDatabase(server.adminUrl, database);
    await ensureDatabase(server.adminUrl, database);
    const url = urlForDatabase(server.adminUrl, database);
    await bootstrapRoles(url);
    const ownerUrl = urlForRole(url, OWNER_ROLE, ownerPassword());
    await runMigrations(ownerUrl);
    return {
      ownerUrl,
      appUrl: urlForRole(url, APP_ROLE, appPassword()),
      adminUrl: server.adminUrl,
      stop: server.stop,
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

async function provisionExternal(
  databaseUrl: string,
  database?: string,
  recreate = false,
): Promise<ProvisionedDatabase> {
  if (database && recreate) await dropDatabase(databaseUrl, database);
  if (database) await ensureDatabase(databaseUrl, database);
  const url = database ? urlForDatabase(databaseUrl, database) : databaseUrl;
  const mayManageRoles = await bootstrapRoles(url);
  // Without the right to create roles, the URL's role is the owner a DBA created (README).
  const ownerUrl = mayManageRoles ? urlForRole(url, OWNER_ROLE, ownerPassword()) : url;
  const appUrl = config().APP_DATABASE_URL
    ? config().APP_DATABASE_URL
    : mayManageRoles
      ? urlForRole(url, APP_ROLE, appPassword())
      : undefined;
  if (!appUrl) {
    throw new Error(
      "DATABASE_URL's role cannot create roles: set APP_DATABASE_URL to the northstar_app role a DBA created (see README, 'Using your own PostgreSQL').",
    );
  }
  await runMigrations(ownerUrl);
  return {
    ownerUrl,
    appUrl,
    adminUrl: mayManageRoles ? databaseUrl : null,
    stop: async () => {},
  };
}
