import type { Database } from "@/db/client";
import { actorById, findSignInAccount } from "@/db/queries/users";
import { withTenant } from "@/db/with-tenant";
import { type LocalDate, todayIn } from "@/lib/domain/calendar/dates";
import type { Actor } from "@/lib/domain/policy";

/** Every demo sign-in uses this password (README, "Demo data"). */
export const DEMO_PASSWORD = "demo-password-2025";

/** The demo sign-ins, by what they show off. */
export const DEMO_ACCOUNTS = {
  /** Dr. Patricia Reyes, district admin of Maple Grove. */
  admin: "admin@maplegrove.example",
  /** Ms. Johnson, reading specialist at Maple Grove Elementary. */
  specialist: "johnson@maplegrove.example",
  /** Mr. David Kim, grade 3 teacher at Maple Grove Elementary. */
  teacher: "teacher@maplegrove.example",
  /** Mr. Marcus Alvarez, reading interventionist at Oak Hill Elementary. */
  facilitator: "facilitator@maplegrove.example",
  /** Jennifer Wilson, Emma Wilson's mother. */
  parent: "parent@maplegrove.example",
  /** Carlos Martinez, Sophia Martinez's father, Spanish-speaking. */
  padre: "padre@maplegrove.example",
  cedarSpecialist: "specialist@cedarridge.example",
  cedarAdmin: "admin@cedarridge.example",
} as const;

export const DEMO_DISTRICTS = {
  mapleGrove: {
    slug: "maple-grove",
    name: "Maple Grove School District",
    timeZone: "America/Chicago",
  },
  cedarRidge: {
    slug: "cedar-ridge",
    name: "Cedar Ridge School District",
    timeZone: "America/Denver",
  },
} as const;

/**
 * The demo's "today": the date in Maple Grove (the district people sign in to first) at
 * `instant`, which callers take from lib/clock so that a pinned clock pins the demo too.
 */
export function demoToday(instant: Date): LocalDate {
  return todayIn(DEMO_DISTRICTS.mapleGrove.timeZone, instant);
}

/** Scenario 3's group: grade 3 at Maple Grove Elementary, all in Mr. Kim's homeroom. */
export const NAMED_STUDENTS = [
  { firstName: "Emma", lastName: "Wilson", gender: "girl" },
  { firstName: "Liam", lastName: "Carter", gender: "boy" },
  { firstName: "Sophia", lastName: "Martinez", gender: "girl" },
  { firstName: "Noah", lastName: "Thompson", gender: "boy" },
  { firstName: "Olivia", lastName: "Brown", gender: "girl" },
  { firstName: "Ava", lastName: "Nguyen", gender: "girl" },
] as const;

export const DEMO_GROUPS = {
  phonics: "Phonics Blends - Tier 2",
  mathFacts: "Math Facts Fluency - Tier 2",
  intensiveReading: "Intensive Reading - Tier 3",
  middleSchool: "Reading Comprehension Strategies - Tier 2",
  earlyLiteracy: "Early Literacy Skills - Tier 2",
  /** Scenario 7's: one student named as a non-responder while in Tier 2 (maple-grove-fluency.ts). */
  fluency: "Repeated Reading Fluency - Tier 2",
  cedarRidge: "Decoding Boost - Tier 2",
} as const;

/**
 * The actor of a demo sign-in, found the way a request finds it: the sign-in lookup, then the
 * user inside its own district. Throws when the account does not exist (demo data not loaded).
 */
export async function loadDemoActor(db: Database, email: string): Promise<Actor> {
  const account = await findSignInAccount(db, email);
  if (!account) throw new Error(`No demo account ${email}: is the demo data loaded?`);
  const actor = await withTenant(db, { tenantId: account.tenantId, userId: account.userId }, (tx) =>
    actorById(tx, account.tenantId, account.userId),
  );
  if (!actor) throw new Error(`The demo account ${email} is inactive`);
  return actor;
}
