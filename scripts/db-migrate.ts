/** `npm run db:migrate`: roles and migrations on DATABASE_URL, or on the embedded server. */
import { provisionDatabase } from "@/db/provision";

const database = await provisionDatabase({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: process.env.DATA_DIR ?? ".data",
  embeddedPort: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
  database: process.env.DATABASE_NAME,
});
console.log("Migrations applied.");
await database.stop();
