/**
 * Throwaway databases for the checks that break things on purpose (faults, broker, tampering,
 * restore): on the run's server, next to its database and never in it, migrated like any
 * other and, when asked, holding the demo districts. Dropped by the check that made it.
 */
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { bootstrapRoles, dropDatabase, ensureDatabase } from "@/db/bootstrap";
import { runMigrations } from "@/db/migrate";
import { databaseName, urlForDatabase } from "@/db/roles";
import { now } from "@/lib/clock";
import { demoToday, seedDemoData } from "@/scripts/seed";
import type { TrustEnvironment } from "../types";

export interface ScratchDatabase {
  name: string;
  appUrl: string;
  ownerUrl: string;
  /** The background workers' role (the relay's), or the owner's when the run names none. */
  workerUrl: string;
  /** The admin role on this database. */
  adminUrl: string;
  /** The demo's "today" when seeded. */
  today: string;
  drop(): Promise<void>;
}

function adminOf(environment: TrustEnvironment): string {
  if (!environment.adminDatabaseUrl) {
    throw new Error("this check needs a role that may create databases (the run has none)");
  }
  return environment.adminDatabaseUrl;
}

/**
 * The worker role's URL, when the run's environment carries one (`workerDatabaseUrl`, next to
 * the app's and the owner's; the integration tests' does).
 */
function workerUrlOf(environment: TrustEnvironment): string | null {
  return (
    (environment as TrustEnvironment & { workerDatabaseUrl?: string }).workerDatabaseUrl ?? null
  );
}

/** A database name no other run uses, derived from the run's own. */
function scratchName(environment: TrustEnvironment, purpose: string): string {
  const base = databaseName(environment.ownerDatabaseUrl).slice(0, 30);
  return `${base}_${purpose}_${randomBytes(4).toString("hex")}`.toLowerCase();
}

/** The same roles as the run's, on another database of the same server. */
function scratchOn(environment: TrustEnvironment, name: string, today: string): ScratchDatabase {
  const admin = adminOf(environment);
  return {
    name,
    appUrl: urlForDatabase(environment.appDatabaseUrl, name),
    ownerUrl: urlForDatabase(environment.ownerDatabaseUrl, name),
    workerUrl: urlForDatabase(workerUrlOf(environment) ?? environment.ownerDatabaseUrl, name),
    adminUrl: urlForDatabase(admin, name),
    today,
    drop: () => dropDatabase(admin, name),
  };
}

export async function createScratchDatabase(
  environment: TrustEnvironment,
  purpose: string,
  options: { seed: boolean },
): Promise<ScratchDatabase> {
  const admin = adminOf(environment);
  const scratch = scratchOn(environment, scratchName(environment, purpose), demoToday(now()));
  await ensureDatabase(admin, scratch.name);
  try {
    // The roles exist on the server already; this grants them the new database.
    await bootstrapRoles(scratch.adminUrl);
    await runMigrations(scratch.ownerUrl);
    if (options.seed)
      await seedDemoData(scratch.ownerUrl, { today: scratch.today, scale: "small" });
    return scratch;
  } catch (error) {
    await scratch.drop();
    throw error;
  }
}

/**
 * A copy of `from` under a new name, made by the server from it as a template (nobody may be
 * connected to `from`; autovacuum sometimes is for a moment, so a refusal is tried again).
 */
export async function copyScratchDatabase(
  environment: TrustEnvironment,
  from: ScratchDatabase,
  purpose: string,
): Promise<ScratchDatabase> {
  const copy = scratchOn(environment, scratchName(environment, purpose), from.today);
  const admin = postgres(adminOf(environment), { max: 1, onnotice: () => {} });
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.unsafe(`create database "${copy.name}" template "${from.name}"`);
        return copy;
      } catch (error) {
        if (attempt >= 10 || !String(error).includes("being accessed by other users")) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  } finally {
    await admin.end({ timeout: 5 });
  }
}
