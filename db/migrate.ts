import path from "node:path";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { connect } from "./client";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle");

/** Applies pending migrations, connected as the owner role so the owner owns every object. */
export async function runMigrations(ownerUrl: string): Promise<void> {
  const { db, close } = connect(ownerUrl, { max: 1 });
  try {
    await migrate(db, {
      migrationsFolder: MIGRATIONS_FOLDER,
      migrationsSchema: "intervention_migrations",
    });
  } finally {
    await close();
  }
}
