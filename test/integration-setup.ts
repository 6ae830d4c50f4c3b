import { randomUUID } from "node:crypto";
import type { TestProject } from "vitest/node";
import { dropDatabase } from "@/db/bootstrap";
import { provisionDatabase } from "@/db/provision";
import { urlForDatabase } from "@/db/roles";
import { now } from "@/lib/clock";
import { config } from "@/lib/config";
import { installJobSchema } from "@/lib/integrations/jobs/runner";
import { demoToday, seedDemoData } from "@/scripts/seed";

declare module "vitest" {
  export interface ProvidedContext {
    /** Connection as the unprivileged app role: what requests use. */
    appUrl: string;
    /** Connection as the schema owner: provisioning only. */
    ownerUrl: string;
    /** Connection as the background workers' role (relay, consumers, jobs). */
    workerUrl: string;
    /** Superuser connection, when the server gives one (for catalog checks and tampering tests). */
    adminUrl: string | null;
    /** The date the seeded data is relative to. */
    seedToday: string;
  }
}

/**
 * Integration tests get a database of their own, never the one `npm start` serves: a fresh
 * database on the embedded server (or on DATABASE_URL's server), migrated and seeded with the
 * deterministic demo data, dropped afterwards.
 */
export default async function setup(project: TestProject) {
  const settings = config();
  const database = `northstar_test_${process.pid}_${randomUUID().slice(0, 8)}`;
  const provisioned = await provisionDatabase({
    databaseUrl: settings.DATABASE_URL,
    dataDir: settings.TEST_DATA_DIR,
    embeddedPort: settings.TEST_EMBEDDED_PG_PORT,
    database,
  });
  // The demo is dated from the pinned clock, so "today" in the data and in the use-cases agree.
  const seedToday = demoToday(now());
  try {
    await seedDemoData(provisioned.ownerUrl, { today: seedToday, scale: "small" });
    // The job runner's tables, as `npm start` installs them before the workers (as the owner).
    await installJobSchema(provisioned.ownerUrl);
  } catch (error) {
    await provisioned.stop();
    throw error;
  }

  project.provide("appUrl", provisioned.appUrl);
  project.provide("ownerUrl", provisioned.ownerUrl);
  project.provide("workerUrl", provisioned.workerUrl);
  project.provide(
    "adminUrl",
    provisioned.adminUrl ? urlForDatabase(provisioned.adminUrl, database) : null,
  );
  project.provide("seedToday", seedToday);

  return async () => {
    if (provisioned.adminUrl) await dropDatabase(provisioned.adminUrl, database);
    await provisioned.stop();
  };
}
