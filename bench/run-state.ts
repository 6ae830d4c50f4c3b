/**
 * What the benchmark runs do to the dataset of dataset.ts between measurements: the sessions the
 * attendance runs record (reset before each run), the people new groups are made of, and the
 * removal of the groups the create runs added.
 */
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { withTenant } from "@/db/with-tenant";
import { addDays, weekdayOf } from "@/lib/domain/calendar/dates";
import { clockTimeAt, minutesOf } from "@/lib/domain/scheduling/clock-time";
import {
  facilitatorOf,
  id,
  LAST_SESSION_END,
  SCALE,
  startTimeOf,
  studentsOf,
  TENANT_ID,
} from "./dataset-shape";

export interface PoolSession {
  id: string;
  studentIds: string[];
}

/**
 * The sessions up to today of the active groups, with their students: each attendance request
 * records one of them, as a first save. Their earlier bench marks are removed first, so every
 * run records the same kind of session.
 */
export async function resetAttendancePool(db: Database, today: string): Promise<PoolSession[]> {
  return withTenant(db, { tenantId: TENANT_ID }, async (tx) => {
    const pool = sql`select s.id from intervention.intervention_sessions s
      join intervention.interventions i on i.tenant_id = s.tenant_id and i.id = s.intervention_id
      where s.tenant_id = ${TENANT_ID} and i.status = 'active' and s.session_date <= ${today}::date`;
    await tx.execute(
      sql`delete from intervention.session_attendance where tenant_id = ${TENANT_ID} and session_id in (${pool})`,
    );
    await tx.execute(
      sql`delete from intervention.probe_scores where tenant_id = ${TENANT_ID} and session_id in (${pool})`,
    );
    await tx.execute(
      sql`update intervention.intervention_sessions set status = 'scheduled', notes = null
          where tenant_id = ${TENANT_ID} and id in (${pool})`,
    );
    const rows = await tx.execute<{ id: string; student_ids: string[] }>(sql`
      select s.id, array_agg(e.student_id order by e.student_id) as student_ids
      from intervention.intervention_sessions s
      join intervention.interventions i on i.tenant_id = s.tenant_id and i.id = s.intervention_id
      join intervention.intervention_enrollments e
        on e.tenant_id = s.tenant_id and e.intervention_id = s.intervention_id and e.is_active
      where s.tenant_id = ${TENANT_ID} and i.status = 'active' and s.session_date <= ${today}::date
      group by s.id
      order by md5(s.id::text)`);
    return rows.map((r) => ({ id: r.id, studentIds: r.student_ids }));
  });
}

/** Students with a history: numbers 1, 6, 11, … are each in three groups over the year. */
export function studentsWithHistory(): string[] {
  const ids: string[] = [];
  for (let n = 1; n <= SCALE.students; n += 5) ids.push(id("student", n));
  return ids;
}

/** Students for new groups and facilitators for them, by number. */
export const studentId = (n: number) => id("student", n);
export const facilitatorStaffId = (n: number) =>
  id("staff", SCALE.teachers + ((n - 1) % SCALE.facilitators) + 1);

/** The Monday of the week `date` is in (date_trunc('week', …) in the dataset's SQL). */
export function mondayOf(date: string): string {
  let day = date;
  while (weekdayOf(day) !== "MO") day = addDays(day, -1);
  return day;
}

/**
 * Created groups start here, after every session of the dataset has ended for the day (its
 * last slot ends at 13:50), so no create meets a dataset group whatever its weeks.
 */
export const CREATE_START_TIME = "14:30";
export const CREATE_WEEKS = 8;

/**
 * The n-th create request (1, 2, …), conflict-free by construction: requests come in rounds of
 * one per facilitator, each round in 8 weeks of its own (round r starts r × 8 weeks after
 * `firstMonday`), at CREATE_START_TIME; within a round the facilitators differ and so do the
 * students (6 a request, 3,600 a round), so no two created groups share a person at one time,
 * and the dataset has nothing booked at that hour. Students of the dataset's running groups are
 * among them, so the check still reads their other groups.
 */
export function createPlan(n: number, firstMonday: string) {
  if (LAST_SESSION_END > minutesOf(CREATE_START_TIME)) {
    throw new Error(
      `Dataset sessions run until ${clockTimeAt(LAST_SESSION_END)}, after the creates' ${CREATE_START_TIME}`,
    );
  }
  const round = Math.floor((n - 1) / SCALE.facilitators);
  return {
    startDate: addDays(firstMonday, round * CREATE_WEEKS * 7),
    durationWeeks: CREATE_WEEKS,
    schedule: { days: ["MO", "WE", "FR"], startTime: CREATE_START_TIME, minutes: 30 },
    facilitatorIds: [facilitatorStaffId(n)],
    studentIds: Array.from({ length: SCALE.studentsPerGroup }, (_, j) =>
      studentId((((n - 1) * SCALE.studentsPerGroup + j) % SCALE.students) + 1),
    ),
  };
}

/** A semester of the conflict check: 18 weeks, Mon/Wed/Fri. */
export const CHECK_WEEKS = 18;

/**
 * The n-th conflict check (0, 1, …): a new group for the people and room of one of the dataset's
 * running groups (cycling over them), for the 18 weeks from the Monday the earliest of them
 * started (11 weeks ago): the densest semester of the dataset, with every running group and the
 * groups that ended in the last 11 weeks in it. The facilitator has that group and, for about a
 * quarter of them, the seven or eight others that ended in the last 11 weeks; the room is one of the 30 of a school with thousands of bookings in the window, the six
 * students are that group's. `clash`: at that group's own time, so every session of it
 * conflicts (facilitator, room, 6 students) and alternatives are computed; otherwise at 14:30,
 * when all of them are free (no conflict, no alternatives).
 */
export function checkPlan(n: number, today: string, clash: boolean) {
  const completed = SCALE.interventions - SCALE.activeInterventions;
  const k = completed + 1 + (n % SCALE.activeInterventions);
  return {
    group: k,
    body: {
      startDate: checkStart(today),
      durationWeeks: CHECK_WEEKS,
      schedule: {
        days: ["MO", "WE", "FR"],
        startTime: clash ? startTimeOf(k) : CREATE_START_TIME,
        minutes: 30,
      },
      facilitatorIds: [id("staff", SCALE.teachers + facilitatorOf(k))],
      roomId: id("room", facilitatorOf(k)),
      studentIds: studentsOf(k).map(studentId),
    },
  };
}

export const checkStart = (today: string) => addDays(mondayOf(today), -11 * 7);

/** What one check's window holds: the rows its queries read (for the report). */
async function checkWindowFacts(db: Database, plan: ReturnType<typeof checkPlan>["body"]) {
  const from = plan.startDate;
  const to = addDays(from, CHECK_WEEKS * 7);
  return withTenant(db, { tenantId: TENANT_ID }, async (tx) => {
    const [row] = await tx.execute<{
      school_bookings: number;
      facilitator_bookings: number;
      student_sessions: number;
    }>(sql`
      with win as (
        select tstzrange((${from}::date)::timestamp at time zone 'America/Chicago',
                         (${to}::date)::timestamp at time zone 'America/Chicago', '[)') as during
      )
      select
        (select count(*)::int from intervention.schedule_bookings b, win
          where b.tenant_id = ${TENANT_ID} and b.during && win.during
            and b.room_id in (select r.id from intervention.rooms r
                               where r.tenant_id = ${TENANT_ID} and r.school_id =
                                 (select school_id from intervention.rooms
                                   where tenant_id = ${TENANT_ID} and id = ${plan.roomId}))) as school_bookings,
        (select count(*)::int from intervention.schedule_bookings b, win
          where b.tenant_id = ${TENANT_ID} and b.during && win.during
            and b.staff_id = ${plan.facilitatorIds[0]}) as facilitator_bookings,
        (select count(*)::int from intervention.intervention_enrollments e
           join intervention.interventions i on i.tenant_id = e.tenant_id and i.id = e.intervention_id
           join intervention.intervention_sessions s
             on s.tenant_id = e.tenant_id and s.intervention_id = e.intervention_id, win
          where e.tenant_id = ${TENANT_ID} and e.is_active and i.status in ('planned', 'active')
            and e.student_id in ${sql`(${sql.join(
              plan.studentIds.map((student) => sql`${student}::uuid`),
              sql`, `,
            )})`}
            and s.starts_at <@ win.during) as student_sessions`);
    return {
      schoolBookings: row?.school_bookings ?? 0,
      facilitatorBookings: row?.facilitator_bookings ?? 0,
      studentSessions: row?.student_sessions ?? 0,
    };
  });
}

/** What the create runs added: removed afterwards so the dataset stays the same size. */
export async function removeCreatedGroups(db: Database, namePrefix: string): Promise<number> {
  return withTenant(db, { tenantId: TENANT_ID }, async (tx) => {
    const created = sql`select id from intervention.interventions
      where tenant_id = ${TENANT_ID} and intervention_name like ${`${namePrefix}%`}`;
    for (const table of [
      "intervention_enrollments",
      "intervention_sessions",
      "intervention_facilitators",
    ]) {
      await tx.execute(
        sql`delete from ${sql.identifier("intervention")}.${sql.identifier(table)}
            where tenant_id = ${TENANT_ID} and intervention_id in (${created})`,
      );
    }
    const removed = await tx.execute(
      sql`delete from intervention.interventions where tenant_id = ${TENANT_ID} and id in (${created})`,
    );
    await tx.execute(sql`delete from intervention.idempotency_keys where tenant_id = ${TENANT_ID}`);
    return removed.count ?? 0;
  });
}

/** The district view is for district admins: a bench admin, signed in with the specialist's password. */
export const BENCH_ADMIN_EMAIL = "bench-admin@bench.example";

/** Adds the bench admin once (an account, no staff record); later runs find it there. */
export async function ensureBenchAdmin(db: Database): Promise<void> {
  await withTenant(db, { tenantId: TENANT_ID }, async (tx) => {
    await tx.execute(sql`insert into intervention.users (tenant_id, id, email, password_hash, name, role)
      select tenant_id, ${id("user", "bench-admin")}, ${BENCH_ADMIN_EMAIL}, password_hash, 'Bench Admin', 'admin'
      from intervention.users where tenant_id = ${TENANT_ID} and id = ${id("user", 1)}
      on conflict do nothing`);
  });
}

/** Every group of the dataset (completed and active), for the effectiveness page's requests. */
export function benchGroupIds(): string[] {
  return Array.from({ length: SCALE.interventions }, (_, k) => id("intervention", k + 1));
}

/**
 * Tries the conflict check's free and clashing plans once before measuring, and says what each
 * finds and what the window around it holds; throws when a plan does not behave as its name says.
 */
export async function describeCheckPlans(
  appUrl: string,
  cookie: string,
  db: Database,
  today: string,
): Promise<string[]> {
  const shapes: string[] = [];
  for (const clash of [false, true]) {
    const { group, body } = checkPlan(0, today, clash);
    const response = await fetch(`${appUrl}/api/v1/schedule/check`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as { conflicts?: unknown[]; alternatives?: unknown[] };
    const conflicts = answer.conflicts?.length ?? 0;
    const alternatives = answer.alternatives?.length ?? 0;
    if (!response.ok || (clash ? conflicts === 0 || alternatives === 0 : conflicts > 0)) {
      throw new Error(
        `The conflict check's ${clash ? "clashing" : "free"} plan got ${response.status}: ${JSON.stringify(answer).slice(0, 500)}`,
      );
    }
    const facts = await checkWindowFacts(db, body);
    const shape = `${clash ? "with conflicts" : "free"} (like group ${group}, ${body.schedule.startTime}): ${conflicts} conflicts, ${alternatives} alternatives; the window holds ${facts.schoolBookings} room bookings of the school, ${facts.facilitatorBookings} of the facilitator, ${facts.studentSessions} sessions of the students`;
    shapes.push(shape);
    console.log(`Conflict check ${shape}.`);
  }
  return shapes;
}
