import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Database = PostgresJsDatabase<typeof schema>;
/** A transaction opened by `withTenant`; query functions take this, never the pool. */
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

export interface DatabaseHandle {
  db: Database;
  close: () => Promise<void>;
}

/** `applicationName` tells a worker's connections apart in pg_stat_activity (and in tests). */
export function connect(
  url: string,
  options: { max?: number; applicationName?: string } = {},
): DatabaseHandle {
  const client = postgres(url, {
    max: options.max ?? 10,
    // Notices (e.g. "relation already exists, skipping") are not errors worth printing.
    onnotice: () => {},
    connection: { application_name: options.applicationName ?? "northstar-interventions" },
  });
  const db = drizzle(client, { schema, casing: "snake_case" });
  return { db, close: () => client.end({ timeout: 5 }) };
}
