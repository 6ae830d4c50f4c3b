/**
 * `npm run db:seed`: brings the database up like the app does (the embedded PostgreSQL under
 * DATA_DIR when DATABASE_URL is unset), then loads the demo districts once, relative to today.
 */
import { provisionDatabase } from "@/db/provision";
import { demoToday, seedDemoData } from "@/db/seed";
import { now } from "@/lib/clock";

async function main() {
  const provisioned = await provisionDatabase({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: process.env.DATA_DIR ?? ".data",
    embeddedPort: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
  });
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
