/** The demo data loader: plans both districts, writes them once, and reports what it left. */

import { eq, inArray } from "drizzle-orm";
import postgres from "postgres";
import { connect, type Database } from "@/db/client";
import { appMeta, districts } from "@/db/schema";
import { hashPassword } from "@/lib/auth/passwords";
import { now } from "@/lib/clock";
import { isValidLocalDate, type LocalDate } from "@/lib/domain/calendar/dates";
import { DEMO_DISTRICTS, DEMO_PASSWORD } from "./accounts";
import { schoolYearOf } from "./calendar";
import { createGroups } from "./create-groups";
import { writeExitReady } from "./exit-ready";
import { planCedarRidge, planMapleGrove, type Scale } from "./plan";
import { Rng } from "./random";
import { writeDemoResources } from "./resources";
import { summarize } from "./summarize";
import { writeTemplateLibrary } from "./template-library";
import { writeTimeFacts } from "./time-facts";
import { writeHistory } from "./write-history";
import { writePeople } from "./write-people";

export {
  DEMO_ACCOUNTS,
  DEMO_DISTRICTS,
  DEMO_GROUPS,
  DEMO_PASSWORD,
  demoToday,
  NAMED_STUDENTS,
} from "./accounts";

export interface SeedOptions {
  /** The date the demo is relative to (YYYY-MM-DD, district calendar). */
  today: string;
  /** "full": a district of 600+ children; "small": about 60, for tests. */
  scale: Scale;
}

export interface SeedResult {
  skipped: boolean;
  summary: Record<string, number>;
}

/** The `app_meta` key that records that demo data was loaded (and for which date and scale). */
export const DEMO_DATA_META_KEY = "demo-data";

/** Serialises concurrent seeders of one database (e.g. two app starts at once). */
const SEED_LOCK_ID = 0x4e5354; // "NST"

/**
 * Loads the deterministic demo districts (Maple Grove and Cedar Ridge) once. Runs as the owner
 * role, which FORCE ROW LEVEL SECURITY filters like any other, so every district's rows are
 * written inside `withTenant` for that district. Interventions are created through the real
 * use-case, so their sessions, audit rows and outbox events are those a specialist would cause.
 */
export async function seedDemoData(ownerUrl: string, options: SeedOptions): Promise<SeedResult> {
  if (!isValidLocalDate(options.today))
    throw new RangeError(`today must be YYYY-MM-DD, got ${options.today}`);
  if (options.scale !== "full" && options.scale !== "small") {
    throw new RangeError(`scale must be "full" or "small", got ${String(options.scale)}`);
  }
  const { db, close } = connect(ownerUrl);
  try {
    // A session-level lock needs one connection of its own for the whole run.
    const lock = postgres(ownerUrl, { max: 1, onnotice: () => {} });
    try {
      await lock`select pg_advisory_lock(${SEED_LOCK_ID})`;
      if (await alreadySeeded(db)) return { skipped: true, summary: {} };
      await refusePartialSeed(db);
      return { skipped: false, summary: await seed(db, options.today, options.scale) };
    } finally {
      // Ending the session releases the lock.
      await lock.end({ timeout: 5 });
    }
  } finally {
    await close();
  }
}

async function alreadySeeded(db: Database): Promise<boolean> {
  const rows = await db
    .select({ key: appMeta.key })
    .from(appMeta)
    .where(eq(appMeta.key, DEMO_DATA_META_KEY));
  return rows.length > 0;
}

/** Demo districts without the marker: an earlier run failed half-way, or the slugs are taken. */
async function refusePartialSeed(db: Database): Promise<void> {
  const slugs = Object.values(DEMO_DISTRICTS).map((d) => d.slug);
  const found = await db
    .select({ slug: districts.slug })
    .from(districts)
    .where(inArray(districts.slug, slugs));
  if (found.length > 0) {
    throw new Error(
      `Districts ${found.map((d) => d.slug).join(", ")} exist but the demo data marker does not: ` +
        "an earlier seed stopped half-way. Recreate the database (or delete those districts) and seed again.",
    );
  }
}

async function seed(db: Database, today: LocalDate, scale: Scale): Promise<Record<string, number>> {
  const started = performance.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const year = schoolYearOf(today);
  const plans = [
    planMapleGrove({ today, year, scale, passwordHash }),
    planCedarRidge({ today, year, scale, passwordHash }),
  ];
  for (const plan of plans) await writePeople(db, plan);
  for (const plan of plans) {
    const created = await createGroups(db, plan, today);
    await writeDemoResources(db, plan, created);
    await writeTimeFacts(db, plan, today, year.firstDay);
    await writeHistory(db, plan, created, today, Rng.fromName(`${plan.slug}/history/${scale}`));
    // After every draw of the plan's Rng, so the rest of the demo data is as before.
    if (plan.slug === DEMO_DISTRICTS.mapleGrove.slug) await writeTemplateLibrary(db, plan, today);
    if (plan.slug === DEMO_DISTRICTS.mapleGrove.slug) await writeExitReady(db, plan, today);
  }
  await db.insert(appMeta).values({
    key: DEMO_DATA_META_KEY,
    value: { seededAt: now().toISOString(), today, scale },
  });
  const summary = await summarize(db, plans);
  summary.milliseconds = Math.round(performance.now() - started);
  return summary;
}
