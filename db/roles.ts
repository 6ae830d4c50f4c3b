import { config } from "@/lib/config";
import { persistentSecret } from "./persistent-secret";

/**
 * The three database roles the service uses. Names are fixed because migrations grant to them:
 * the owner runs migrations and provisioning, the app role serves requests, the worker role runs
 * the background workers (relay, consumers, jobs). Neither of the last two is superuser, has
 * BYPASSRLS or owns anything (docs/decisions/0003-database-roles-and-provisioning.md).
 */
export const OWNER_ROLE = "northstar_owner";
export const APP_ROLE = "northstar_app";
export const WORKER_ROLE = "northstar_worker";

export interface RolePasswords {
  owner: string;
  app: string;
  worker: string;
}

/**
 * The passwords start-up gives the roles it creates: DB_OWNER_PASSWORD, DB_APP_PASSWORD and
 * DB_WORKER_PASSWORD when set, else random ones made on the first start and kept in
 * `secretsDir` (like the session secret), so every later start, script and test run on this
 * machine finds the same. Never a published default: anyone who can reach the server would
 * otherwise sign in as the owner.
 */
export function rolePasswords(secretsDir: string): RolePasswords {
  const settings = config();
  return {
    owner: settings.DB_OWNER_PASSWORD ?? persistentSecret(secretsDir, "db-owner-password"),
    app: settings.DB_APP_PASSWORD ?? persistentSecret(secretsDir, "db-app-password"),
    worker: settings.DB_WORKER_PASSWORD ?? persistentSecret(secretsDir, "db-worker-password"),
  };
}

/** The same server and database as `url`, signed in as another role. */
export function urlForRole(url: string, role: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(role);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

export function urlForDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || "postgres";
}
