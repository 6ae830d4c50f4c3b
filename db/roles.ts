import { config } from "@/lib/config";
/**
 * The two database roles the service uses. Names are fixed because migrations grant to them;
 * passwords come from the environment (README) with development defaults.
 */
export const OWNER_ROLE = "northstar_owner";
export const APP_ROLE = "northstar_app";

export function ownerPassword(): string {
  return config().DB_OWNER_PASSWORD;
}

export function appPassword(): string {
  return config().DB_APP_PASSWORD;
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
