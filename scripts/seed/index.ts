import { and, asc, desc, eq, inArray, lt, lte, type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import postgres from "postgres";
import { connect, type Database, type Tx } from "@/db/client";
import { actorById } from "@/db/queries/users";
import {
  appMeta,
  assessmentResults,
  assessments,
  auditLog,
  districts,
  guardians,
  interventionEnrollments,
  interventionSessions,
  interventions,
  nonInstructionalDays,
  outbox,
  progressNotes,
  rooms,
  schools,
  sectionStudents,
  sections,
  sessionAttendance,
  staff,
  studentGuardians,
  students,
  tierChanges,
  users,
} from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { hashPassword } from "@/lib/auth/passwords";
import { now } from "@/lib/clock";
import { instantAt, isValidLocalDate, type LocalDate } from "@/lib/domain/calendar/dates";
import { createInterventionSchema } from "@/lib/domain/interventions/schemas";
import type { UseCaseContext } from "@/lib/use-cases/context";
import { createIntervention } from "@/lib/use-cases/interventions/create-intervention";
import { setMonitoringPlan } from "@/lib/use-cases/progress/set-monitoring-plan";
import { DEMO_DISTRICTS, DEMO_PASSWORD } from "./accounts";
import { schoolYearOf } from "./calendar";
import { groupHistory } from "./history";
import { type DistrictPlan, planCedarRidge, planMapleGrove, type Scale } from "./plan";
import { Rng } from "./random";

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
const BATCH_ROWS = 500;
const REQUEST_ID = "demo-seed";

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
    await writeHistory(db, plan, created, today, Rng.fromName(`${plan.slug}/history/${scale}`));
  }
  await db.insert(appMeta).values({
    key: DEMO_DATA_META_KEY,
    value: { seededAt: now().toISOString(), today, scale },
  });
  const summary = await summarize(db, plans);
  summary.milliseconds = Math.round(performance.now() - started);
  return summary;
}

async function insertAll<T extends PgTable>(tx: Tx, table: T, rows: readonly T["$inferInsert"][]) {
  for (let i = 0; i < rows.length; i += BATCH_ROWS) {
    // drizzle's insert types are per table; the rows were typed against this table where built.
    await tx.insert(table).values(rows.slice(i, i + BATCH_ROWS) as never);
  }
}

/** The district, its schools, people, rosters, calendar and screening results: one transaction. */
async function writePeople(db: Database, plan: DistrictPlan): Promise<void> {
  await withTenant(db, { tenantId: plan.tenantId }, async (tx) => {
    await tx.insert(districts).values(plan.district);
    await insertAll(tx, schools, plan.schools);
    await insertAll(tx, rooms, plan.rooms);
    await insertAll(tx, nonInstructionalDays, plan.nonInstructionalDays);
    await insertAll(tx, staff, plan.staff);
    await insertAll(tx, students, plan.students);
    await insertAll(tx, guardians, plan.guardians);
    await insertAll(tx, studentGuardians, plan.studentGuardians);
    await insertAll(tx, sections, plan.sections);
    await insertAll(tx, sectionStudents, plan.sectionStudents);
    await insertAll(tx, assessments, plan.assessments);
    await insertAll(tx, assessmentResults, plan.assessmentResults);
    await insertAll(tx, users, plan.users);
  });
}

interface CreatedGroup {
  id: string;
  startDate: LocalDate;
}

/** Each planned intervention, created by its specialist through the use-case at 09:00 "today". */
async function createGroups(
  db: Database,
  plan: DistrictPlan,
  today: LocalDate,
): Promise<CreatedGroup[]> {
  const created: CreatedGroup[] = [];
  for (const group of plan.groups) {
    const actor = await withTenant(
      db,
      { tenantId: plan.tenantId, userId: group.creatorUserId },
      (tx) => actorById(tx, plan.tenantId, group.creatorUserId),
    );
    if (!actor) throw new Error(`The creator of ${group.name} was not seeded`);
    const ctx: UseCaseContext = {
      db,
      actor,
      now: () => instantAt(today, "09:00", plan.timeZone),
      requestId: REQUEST_ID,
    };
    const result = await createIntervention(ctx, createInterventionSchema.parse(group.input));
    if (group.monitoring) {
      await setMonitoringPlan(ctx, result.body.id, {
        ...group.monitoring,
        version: result.body.version,
      });
    }
    created.push({ id: result.body.id, startDate: result.body.startDate });
  }
  return created;
}

/**
 * What happened before "today": held sessions with notes, attendance, progress notes; the
 * enrollments date from the group's start, and each enrolled student's tier is the group's.
 */
async function writeHistory(
  db: Database,
  plan: DistrictPlan,
  created: readonly CreatedGroup[],
  today: LocalDate,
  rng: Rng,
): Promise<void> {
  const { tenantId } = plan;
  await withTenant(db, { tenantId }, async (tx) => {
    const ids = created.map((c) => c.id);
    const past = await tx
      .select({
        id: interventionSessions.id,
        interventionId: interventionSessions.interventionId,
        date: interventionSessions.sessionDate,
        startsAt: interventionSessions.startsAt,
        minutes: interventionSessions.minutes,
      })
      .from(interventionSessions)
      .where(
        and(
          eq(interventionSessions.tenantId, tenantId),
          inArray(interventionSessions.interventionId, ids),
          lt(interventionSessions.sessionDate, today),
        ),
      )
      .orderBy(asc(interventionSessions.startsAt));
    const leftToTake = await latestSessionsLeftToTake(tx, plan, created, today);

    const sessionNotes: Array<{ id: string; notes: string }> = [];
    const attendance: (typeof sessionAttendance.$inferInsert)[] = [];
    const notes: (typeof progressNotes.$inferInsert)[] = [];
    plan.groups.forEach((group, index) => {
      const intervention = created[index]!;
      const rows = groupHistory(
        rng,
        tenantId,
        intervention.id,
        intervention.startDate,
        group,
        past.filter((s) => s.interventionId === intervention.id && !leftToTake.has(s.id)),
      );
      sessionNotes.push(...rows.sessionNotes);
      attendance.push(...rows.attendance);
      notes.push(...rows.progressNotes);
    });

    const heldIds = past.filter((s) => !leftToTake.has(s.id)).map((s) => s.id);
    if (heldIds.length > 0) {
      await tx
        .update(interventionSessions)
        .set({ status: "held" })
        .where(
          and(
            eq(interventionSessions.tenantId, tenantId),
            inArray(interventionSessions.id, heldIds),
          ),
        );
    }
    for (let i = 0; i < sessionNotes.length; i += BATCH_ROWS) {
      const values: SQL[] = sessionNotes
        .slice(i, i + BATCH_ROWS)
        .map((n) => sql`(${n.id}::uuid, ${n.notes}::text)`);
      await tx.execute(sql`
        update ${interventionSessions} set notes = v.notes
        from (values ${sql.join(values, sql`, `)}) as v(id, notes)
        where ${interventionSessions.tenantId} = ${tenantId} and ${interventionSessions.id} = v.id`);
    }
    await insertAll(tx, sessionAttendance, attendance);
    await insertAll(tx, progressNotes, notes);

    // Enrolled from the day the group started (the use-case enrolls "today").
    for (const group of created) {
      if (group.startDate >= today) continue;
      await tx
        .update(interventionEnrollments)
        .set({ enrollmentDate: group.startDate })
        .where(
          and(
            eq(interventionEnrollments.tenantId, tenantId),
            eq(interventionEnrollments.interventionId, group.id),
          ),
        );
    }
    await tx.execute(sql`
      update ${students} s set current_tier = t.tier
      from (
        select e.student_id, max(i.tier_level) as tier
        from ${interventionEnrollments} e
        join ${interventions} i on i.tenant_id = e.tenant_id and i.id = e.intervention_id
        where e.tenant_id = ${tenantId} and e.is_active and i.status = 'active'
        group by e.student_id
      ) t
      where s.tenant_id = ${tenantId} and s.id = t.student_id`);
    // Each Tier 2/3 student's history starts with the placement that put them there: the
    // highest-tier group they are in, from its first day (Scenario 7's timeline has a beginning).
    await tx.execute(sql`
      insert into ${tierChanges}
        (tenant_id, student_id, from_tier, to_tier, decided_on, decision, justification,
         intervention_id, decided_by)
      select distinct on (e.student_id)
        e.tenant_id, e.student_id, 1, i.tier_level, i.start_date, 'start',
        'Placed in ' || i.intervention_name || ' after the fall screening.', i.id, i.created_by
      from ${interventionEnrollments} e
      join ${interventions} i on i.tenant_id = e.tenant_id and i.id = e.intervention_id
      where e.tenant_id = ${tenantId} and e.is_active and i.status = 'active' and i.tier_level > 1
      order by e.student_id, i.tier_level desc, i.start_date`);
  });
}

/**
 * The sessions the seed leaves for the facilitator to take (GroupHistory.latestLeftToTake):
 * of each such group, its latest session before today when today has none of its own.
 */
async function latestSessionsLeftToTake(
  tx: Tx,
  plan: DistrictPlan,
  created: readonly CreatedGroup[],
  today: LocalDate,
): Promise<Set<string>> {
  const left = new Set<string>();
  for (const [index, group] of plan.groups.entries()) {
    if (!group.history.latestLeftToTake) continue;
    const [latest] = await tx
      .select({ id: interventionSessions.id, date: interventionSessions.sessionDate })
      .from(interventionSessions)
      .where(
        and(
          eq(interventionSessions.tenantId, plan.tenantId),
          eq(interventionSessions.interventionId, created[index]!.id),
          lte(interventionSessions.sessionDate, today),
        ),
      )
      .orderBy(desc(interventionSessions.sessionDate))
      .limit(1);
    if (latest && latest.date < today) left.add(latest.id);
  }
  return left;
}

/** Row counts over both districts, as the seed left them. */
async function summarize(
  db: Database,
  plans: readonly DistrictPlan[],
): Promise<Record<string, number>> {
  const tables = {
    schools,
    rooms,
    staff,
    students,
    guardians,
    studentGuardians,
    sections,
    sectionStudents,
    users,
    nonInstructionalDays,
    assessments,
    assessmentResults,
    interventions,
    interventionSessions,
    interventionEnrollments,
    sessionAttendance,
    progressNotes,
    auditLog,
    outbox,
  } as const;
  const summary: Record<string, number> = { districts: plans.length };
  for (const plan of plans) {
    await withTenant(db, { tenantId: plan.tenantId }, async (tx) => {
      for (const [name, table] of Object.entries(tables)) {
        const [row] = await tx
          .select({ n: sql<number>`count(*)::int` })
          .from(table as PgTable)
          .where(sql`tenant_id = ${plan.tenantId}`);
        summary[name] = (summary[name] ?? 0) + (row?.n ?? 0);
      }
      const [held] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(interventionSessions)
        .where(
          and(
            eq(interventionSessions.tenantId, plan.tenantId),
            eq(interventionSessions.status, "held"),
          ),
        );
      summary.sessionsHeld = (summary.sessionsHeld ?? 0) + (held?.n ?? 0);
      const [atRisk] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(assessmentResults)
        .innerJoin(
          assessments,
          and(
            eq(assessments.tenantId, assessmentResults.tenantId),
            eq(assessments.id, assessmentResults.assessmentId),
          ),
        )
        .where(
          and(
            eq(assessmentResults.tenantId, plan.tenantId),
            eq(assessments.name, "Reading Benchmark"),
            lt(assessmentResults.score, 50),
          ),
        );
      summary.readingBelow50 = (summary.readingBelow50 ?? 0) + (atRisk?.n ?? 0);
    });
  }
  return summary;
}
