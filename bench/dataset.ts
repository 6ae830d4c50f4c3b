/**
 * The benchmark's district-scale dataset, built once with set-based SQL (generate_series) as the
 * owner role inside one tenant transaction, and reused by later runs. Ids are derived from
 * md5 of a name and a number, so rows can refer to each other without lookups.
 */

import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { withTenant } from "@/db/with-tenant";
import { hashPassword } from "@/lib/auth/passwords";
import { now } from "@/lib/clock";
import { BENCH_PASSWORD, SPECIALIST_STAFF_ID, TENANT_ID } from "./dataset-shape";
import { datasetStatements, statementText } from "./dataset-statements";

export const BENCH_META_KEY = "bench-dataset";
/**
 * The dataset definition's version, stored with it: a dataset built by another definition is
 * not reused (`npm run bench -- --rebuild`). 2: groups at distinct times per facilitator and
 * room (drizzle/0010_scheduling.sql refuses double bookings), and rooms.
 */
export const DATASET_VERSION = 2;

export interface BenchDataset {
  version?: number;
  tenantId: string;
  specialistStaffId: string;
  builtAt: string;
  counts: Record<string, number>;
  /** Pairs of one student's sessions in two groups at once (students are not booked): 0. */
  studentOverlaps?: number;
}

export async function loadDataset(db: Database): Promise<BenchDataset | null> {
  const rows = await db.execute<{ value: BenchDataset }>(
    sql`select value from intervention.app_meta where key = ${BENCH_META_KEY}`,
  );
  return rows[0]?.value ?? null;
}

/** Builds the dataset unless a previous run did; returns its description either way. */
export async function ensureDataset(db: Database, today: string): Promise<BenchDataset> {
  const existing = await loadDataset(db);
  if (existing && existing.version === DATASET_VERSION) return existing;
  if (existing) {
    throw new Error(
      `The benchmark dataset in .data/bench was built by an older definition (version ${existing.version ?? 1}, now ${DATASET_VERSION}): run npm run bench -- --rebuild`,
    );
  }
  const started = performance.now();
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  await withTenant(db, { tenantId: TENANT_ID }, async (tx) => {
    for (const statement of datasetStatements(today, passwordHash)) {
      const begun = performance.now();
      await tx.execute(statement);
      const table = /insert into intervention\.(\w+)/.exec(statementText(statement))?.[1];
      if (table) {
        // Statistics after each load, so the next statement's join is planned for its real size
        // (without them the planner guesses tiny tables and nests loops over a million rows).
        await tx.execute(sql`analyze ${sql.identifier("intervention")}.${sql.identifier(table)}`);
        console.log(`  ${table}: ${((performance.now() - begun) / 1000).toFixed(1)} s`);
      }
    }
  });
  // Fresh statistics, so the planner sees district-scale tables from the first request.
  await db.execute(sql`analyze`);
  const counts = await countRows(db);
  // Every session holds its room and its facilitator: the triggers of 0010_scheduling.sql wrote
  // them, and the exclusion constraints let them all in (no double booking).
  if (counts.schedule_bookings !== 2 * (counts.intervention_sessions ?? 0)) {
    throw new Error(
      `Expected two bookings a session (room, facilitator), found ${counts.schedule_bookings} for ${counts.intervention_sessions} sessions`,
    );
  }
  const studentOverlaps = await countStudentOverlaps(db);
  if (studentOverlaps > 0) {
    console.warn(`  ${studentOverlaps} pairs of sessions put one student in two groups at once`);
  }
  const dataset: BenchDataset = {
    version: DATASET_VERSION,
    tenantId: TENANT_ID,
    specialistStaffId: SPECIALIST_STAFF_ID,
    builtAt: now().toISOString(),
    counts: { ...counts, buildSeconds: Math.round((performance.now() - started) / 1000) },
    studentOverlaps,
  };
  await db.execute(
    sql`insert into intervention.app_meta (key, value) values (${BENCH_META_KEY}, ${JSON.stringify(dataset)}::jsonb)`,
  );
  return dataset;
}

/**
 * Pairs of sessions of two groups one student is in that overlap in time. The database allows
 * them (students are not booked) but a conflict check of such a student would not be empty.
 */
async function countStudentOverlaps(db: Database): Promise<number> {
  return withTenant(db, { tenantId: TENANT_ID }, async (tx) => {
    const [row] = await tx.execute<{ n: number }>(sql`
      with seat as (
        select e.student_id, s.intervention_id, s.session_date,
               tstzrange(s.starts_at, s.starts_at + make_interval(mins => s.minutes), '[)') as during
        from intervention.intervention_enrollments e
        join intervention.intervention_sessions s
          on s.tenant_id = e.tenant_id and s.intervention_id = e.intervention_id
        where e.tenant_id = ${TENANT_ID} and s.status <> 'cancelled'
      )
      select count(*)::int as n
      from seat a
      join seat b on b.student_id = a.student_id and b.session_date = a.session_date
                 and b.intervention_id > a.intervention_id and b.during && a.during`);
    return row?.n ?? 0;
  });
}

async function countRows(db: Database): Promise<Record<string, number>> {
  const tables = [
    "rooms",
    "schedule_bookings",
    "students",
    "staff",
    "interventions",
    "intervention_enrollments",
    "intervention_sessions",
    "session_attendance",
    "probe_scores",
    "progress_notes",
  ];
  return withTenant(db, { tenantId: TENANT_ID }, async (tx) => {
    const counts: Record<string, number> = {};
    for (const table of tables) {
      const [row] = await tx.execute<{ n: number }>(
        sql`select count(*)::int as n from ${sql.identifier("intervention")}.${sql.identifier(table)}
            where tenant_id = ${TENANT_ID}`,
      );
      counts[table] = row?.n ?? 0;
    }
    return counts;
  });
}
