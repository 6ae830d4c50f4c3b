/**
 * `npm run db:seed`: brings the database up like the app does (the embedded PostgreSQL under
 * DATA_DIR when DATABASE_URL is unset), then loads the demo districts once, relative to today.
 */

import { provisionDatabase } from "@/db/provision";
import { now } from "@/lib/clock";
import { demoToday, seedDemoData } from "@/scripts/seed";
import { databaseOptions } from "./lib/database-options";

async function main() {
  const provisioned = await provisionDatabase(databaseOptions());
  try {
    const today = demoToday(now());
    const result = await seedDemoData(provisioned.ownerUrl, { today, scale: "full" });
    if (result.skipped) {
      console.log("Demo data is already loaded; nothing to do.");
      return;
    }
    console.log(`Demo data loaded for ${today}:`);
    for (const [name, count] of Object.entries(result.summary)) {
      console.log(`  ${name.padEnd(24)} ${count}`);
    }
  } finally {
    await provisioned.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
