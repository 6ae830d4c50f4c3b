/** `npm run db:migrate`: roles and migrations on DATABASE_URL, or on the embedded server. */

import { provisionDatabase } from "@/db/provision";
import { databaseOptions } from "./lib/database-options";

const database = await provisionDatabase(databaseOptions());
console.log("Migrations applied.");
await database.stop();
