import path from "node:path";
import { config } from "@/lib/config";
import { bootstrapRoles, dropDatabase, ensureDatabase } from "./bootstrap";
import { type EmbeddedOptions, startEmbeddedPostgres } from "./embedded";
import { runMigrations } from "./migrate";
import {
  APP_ROLE,
  OWNER_ROLE,
  type RolePasswords,
  rolePasswords,
  urlForDatabase,
  urlForRole,
  WORKER_ROLE,
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
  /** The embedded server is the benchmark's (pg_stat_statements, auto_explain; db/embedded.ts). */
  instrumented?: EmbeddedOptions["instrumented"];
}

export interface ProvisionedDatabase {
  /** Runs migrations and provisioning (districts, demo data); owns the schema. */
  ownerUrl: string;
  /** Serves requests: not superuser, no BYPASSRLS, owns nothing. */
  appUrl: string;
  /** Runs the background workers: like the app role, with the few cross-district reads they need. */
  workerUrl: string;
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
    { instrumented: options.instrumented },
  );
  try {
    const database = options.database ?? "northstar";
    if (options.recreate) await dropDatabase(server.adminUrl, database);
    await ensureDatabase(server.adminUrl, database);
    const url = urlForDatabase(server.adminUrl, database);
    // The embedded server's roles belong to its data folder, and so do their passwords.
    const passwords = rolePasswords(options.dataDir);
    await bootstrapRoles(url, () => passwords);
    const urls = roleUrls(url, passwords);
    await runMigrations(urls.ownerUrl);
    return { ...urls, adminUrl: server.adminUrl, stop: server.stop };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

function roleUrls(url: string, passwords: RolePasswords) {
  return {
    ownerUrl: urlForRole(url, OWNER_ROLE, passwords.owner),
    appUrl: urlForRole(url, APP_ROLE, passwords.app),
    workerUrl: urlForRole(url, WORKER_ROLE, passwords.worker),
  };
}

async function provisionExternal(
  databaseUrl: string,
  database?: string,
  recreate = false,
): Promise<ProvisionedDatabase> {
  if (database && recreate) await dropDatabase(databaseUrl, database);
  if (database) await ensureDatabase(databaseUrl, database);
  const url = database ? urlForDatabase(databaseUrl, database) : databaseUrl;
  // A server's roles are shared by every process on this machine that uses it (npm start, the
  // workers, the tests), so their passwords are kept in the one DATA_DIR, not per test folder.
  const secrets = () => rolePasswords(config().DATA_DIR);
  const mayManageRoles = await bootstrapRoles(url, secrets);
  const passwords = mayManageRoles ? secrets() : undefined;
  const settings = config();
  const derived = passwords ? roleUrls(url, passwords) : undefined;
  // Without the right to create roles, the URL's role is the owner a DBA created (README).
  const ownerUrl = derived?.ownerUrl ?? url;
  const appUrl = settings.APP_DATABASE_URL ?? derived?.appUrl;
  const workerUrl = settings.WORKER_DATABASE_URL ?? derived?.workerUrl;
  if (!appUrl || !workerUrl) {
    throw new Error(
      "DATABASE_URL's role cannot create roles: set APP_DATABASE_URL and WORKER_DATABASE_URL to the northstar_app and northstar_worker roles a DBA created (see README, 'Using your own PostgreSQL').",
    );
  }
  await runMigrations(ownerUrl);
  return {
    ownerUrl,
    appUrl,
    workerUrl,
    adminUrl: mayManageRoles ? databaseUrl : null,
    stop: async () => {},
  };
}
