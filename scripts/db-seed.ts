/**
 * `npm run db:seed`: brings the database up like the app does (the embedded PostgreSQL under
 * DATA_DIR when DATABASE_URL is unset), then loads the demo districts once, relative to today.
 */

import { provisionDatabase } from "@/db/provision";
import { now } from "@/lib/clock";
import { config } from "@/lib/config";
import { demoToday } from "@/scripts/seed";
import { seedDemoDataIfAsked } from "@/scripts/seed/ask";
import { databaseOptions } from "./lib/database-options";

async function main() {
  const provisioned = await provisionDatabase(databaseOptions());
  try {
    const today = demoToday(now());
    // Running this script asks for the demo; SEED_DEMO_DATA=false still wins, and production
    // needs NORTHSTAR_DEMO=true (scripts/seed/ask.ts).
    const result = await seedDemoDataIfAsked(provisioned.ownerUrl, config(), {
      today,
      scale: "full",
      localDefault: true,
    });
    if (!result) {
      console.log("SEED_DEMO_DATA=false: no demo data loaded.");
      return;
    }
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
