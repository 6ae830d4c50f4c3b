import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import { findSignInAccount } from "@/db/queries/users";
import {
  assessmentResults,
  assessments,
  guardians,
  interventionEnrollments,
  interventionSessions,
  interventions,
  nonInstructionalDays,
  progressNotes,
  sectionStudents,
  sections,
  sessionAttendance,
  staff,
  students,
} from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { verifyPassword } from "@/lib/auth/passwords";
import { addDays, weekdayOf } from "@/lib/domain/calendar/dates";
import type { Actor } from "@/lib/domain/policy";
import { getEffectiveness } from "@/lib/use-cases/progress/get-effectiveness";
import { contextOf } from "@/test/support/context";
import {
  DEMO_ACCOUNTS,
  DEMO_GROUPS,
  DEMO_PASSWORD,
  loadDemoActor,
  NAMED_STUDENTS,
} from "./accounts";
import { nthWeekday, schoolYearOf } from "./calendar";
import { seedDemoData } from "./index";

/** The demo data the global setup loaded (small scale, today from the pinned clock), read as the app. */

let app: DatabaseHandle;
let johnson: Actor;
let today: string;

beforeAll(async () => {
  app = connect(inject("appUrl"));
  johnson = await loadDemoActor(app.db, DEMO_ACCOUNTS.specialist);
  today = inject("seedToday");
});

afterAll(async () => {
  await app?.close();
});

const asMapleGrove = <T>(fn: Parameters<typeof withTenant<T>>[2]) =>
  withTenant(app.db, johnson, fn);

describe("demo data", () => {
  it("is loaded once: a second run skips", async () => {
    const again = await seedDemoData(inject("ownerUrl"), { today, scale: "small" });
    expect(again).toEqual({ skipped: true, summary: {} });
  });

  it("every demo sign-in exists, is active and accepts the demo password", async () => {
    for (const email of Object.values(DEMO_ACCOUNTS)) {
      const account = await findSignInAccount(app.db, email);
      expect(account, email).not.toBeNull();
      expect(account?.active).toBe(true);
      expect(await verifyPassword(account!.passwordHash!, DEMO_PASSWORD)).toBe(true);
      expect(await verifyPassword(account!.passwordHash!, "wrong-password")).toBe(false);
    }
  });

  it("links each sign-in to the person the scenarios name", async () => {
    const who = async (email: string) => {
      const actor = await loadDemoActor(app.db, email);
      return {
        role: actor.role,
        name: actor.name,
        district: actor.districtName,
        locale: actor.locale,
      };
    };
    expect(await who(DEMO_ACCOUNTS.specialist)).toEqual({
      role: "specialist",
      name: "Sarah Johnson",
      district: "Maple Grove School District",
      locale: "en",
    });
    expect(await who(DEMO_ACCOUNTS.padre)).toMatchObject({ role: "parent", locale: "es" });
    expect(await who(DEMO_ACCOUNTS.cedarSpecialist)).toMatchObject({
      role: "specialist",
      district: "Cedar Ridge School District",
    });
    const [johnsonStaff] = await asMapleGrove((tx) =>
      tx
        .select({ displayName: staff.displayName, title: staff.title })
        .from(staff)
        .where(eq(staff.id, johnson.staffId!)),
    );
    expect(johnsonStaff).toEqual({ displayName: "Ms. Johnson", title: "Reading Specialist" });
  });

  it("puts the six named students in Mr. Kim's grade 3 homeroom with fall reading scores below 50", async () => {
    const teacher = await loadDemoActor(app.db, DEMO_ACCOUNTS.teacher);
    const roster = await asMapleGrove((tx) =>
      tx
        .select({
          id: students.id,
          first: students.firstName,
          last: students.lastName,
          grade: students.grade,
        })
        .from(sectionStudents)
        .innerJoin(
          sections,
          and(
            eq(sections.tenantId, sectionStudents.tenantId),
            eq(sections.id, sectionStudents.sectionId),
          ),
        )
        .innerJoin(
          students,
          and(
            eq(students.tenantId, sectionStudents.tenantId),
            eq(students.id, sectionStudents.studentId),
          ),
        )
        .where(eq(sections.teacherId, teacher.staffId!)),
    );
    const names = roster.map((r) => `${r.first} ${r.last}`);
    for (const s of NAMED_STUDENTS) expect(names).toContain(`${s.firstName} ${s.lastName}`);
    expect(roster.every((r) => r.grade === 3)).toBe(true);

    const scores = await asMapleGrove((tx) =>
      tx
        .select({
          first: students.firstName,
          score: assessmentResults.score,
          window: assessmentResults.window,
        })
        .from(assessmentResults)
        .innerJoin(
          assessments,
          and(
            eq(assessments.tenantId, assessmentResults.tenantId),
            eq(assessments.id, assessmentResults.assessmentId),
          ),
        )
        .innerJoin(
          students,
          and(
            eq(students.tenantId, assessmentResults.tenantId),
            eq(students.id, assessmentResults.studentId),
          ),
        )
        .where(and(eq(assessments.name, "Reading Benchmark"), eq(students.grade, 3))),
    );
    for (const s of NAMED_STUDENTS) {
      const score = scores.find((r) => r.first === s.firstName);
      expect(score?.window).toBe("fall");
      expect(score?.score).toBeLessThan(50);
    }
  });

  it("gives every student a fall reading score, about a fifth of them below 50", async () => {
    const [row] = await asMapleGrove((tx) =>
      tx
        .select({
          students: sql<number>`count(distinct ${students.id})::int`,
          scored: sql<number>`count(${assessmentResults.id})::int`,
          below50: sql<number>`count(*) filter (where ${assessmentResults.score} < 50)::int`,
          below30: sql<number>`count(*) filter (where ${assessmentResults.score} < 30)::int`,
        })
        .from(students)
        .leftJoin(
          assessmentResults,
          and(
            eq(assessmentResults.tenantId, students.tenantId),
            eq(assessmentResults.studentId, students.id),
          ),
        )
        .leftJoin(
          assessments,
          and(
            eq(assessments.tenantId, assessmentResults.tenantId),
            eq(assessments.id, assessmentResults.assessmentId),
          ),
        )
        .where(eq(assessments.name, "Reading Benchmark")),
    );
    expect(row!.scored).toBe(row!.students);
    expect(row!.below50 / row!.scored).toBeGreaterThanOrEqual(0.18);
    expect(row!.below50 / row!.scored).toBeLessThanOrEqual(0.3);
    expect(row!.below30).toBeGreaterThan(0);
  });

  it("gives every student one or two guardians, about one in five Spanish-speaking", async () => {
    const perStudent = await asMapleGrove((tx) =>
      tx.execute<{ n: number }>(sql`
        select count(g.guardian_id)::int as n from intervention.students s
        left join intervention.student_guardians g on g.tenant_id = s.tenant_id and g.student_id = s.id
        -- Only the seed's own students: other tests add students (e.g. from roster events).
        -- Both times are the database's (column defaults), whatever the app's clock says.
        where s.created_at <= (select updated_at from intervention.app_meta where key = 'demo-data')
        group by s.id`),
    );
    expect(perStudent.length).toBeGreaterThan(50);
    expect(perStudent.filter((r) => r.n < 1 || r.n > 2)).toEqual([]);
    const languages = await asMapleGrove((tx) =>
      tx.select({ language: guardians.language }).from(guardians),
    );
    const spanish = languages.filter((g) => g.language === "es").length / languages.length;
    expect(spanish).toBeGreaterThan(0.1);
    expect(spanish).toBeLessThan(0.35);
  });

  it("closes Thanksgiving Thursday and Friday but not the Wednesday before", async () => {
    const days = new Set(
      (
        await asMapleGrove((tx) =>
          tx.select({ day: nonInstructionalDays.day }).from(nonInstructionalDays),
        )
      ).map((d) => d.day),
    );
    // The school year of the seed's today, whatever day the clock is pinned to.
    const { startYear } = schoolYearOf(today);
    const thanksgiving = nthWeekday(startYear, 11, "TH", 4);
    expect(days.has(thanksgiving)).toBe(true);
    expect(days.has(addDays(thanksgiving, 1))).toBe(true);
    expect(days.has(addDays(thanksgiving, -1))).toBe(false);
    expect(days.has(nthWeekday(startYear, 9, "MO", 1))).toBe(true); // Labor Day
    expect(days.has(nthWeekday(startYear + 1, 1, "MO", 3))).toBe(true); // Martin Luther King Jr. Day
  });

  it("has the Phonics group with its latest session left to take, and its history before", async () => {
    const [group] = await asMapleGrove((tx) =>
      tx.select().from(interventions).where(eq(interventions.name, DEMO_GROUPS.phonics)),
    );
    expect(group).toMatchObject({
      tier: 2,
      focusArea: "Reading Fluency",
      status: "active",
      durationWeeks: 8,
    });
    expect(weekdayOf(group!.startDate)).toBe("MO");
    const sessions = await asMapleGrove((tx) =>
      tx
        .select({
          id: interventionSessions.id,
          date: interventionSessions.sessionDate,
          status: interventionSessions.status,
          notes: interventionSessions.notes,
        })
        .from(interventionSessions)
        .where(eq(interventionSessions.interventionId, group!.id))
        .orderBy(asc(interventionSessions.sessionDate)),
    );
    expect(sessions).toHaveLength(24);
    // Today's session when the group meets today; on a weekend or a holiday, the last before.
    const upToToday = sessions.filter((s) => s.date <= today);
    expect(upToToday.at(-1)).toMatchObject({ status: "scheduled", notes: null });
    const held = upToToday.slice(0, -1);
    expect(held.length).toBeGreaterThan(6);
    expect(held.every((s) => s.status === "held" && (s.notes ?? "").length > 0)).toBe(true);

    const enrollmentDates = await asMapleGrove((tx) =>
      tx
        .select({ date: interventionEnrollments.enrollmentDate })
        .from(interventionEnrollments)
        .where(eq(interventionEnrollments.interventionId, group!.id)),
    );
    expect(enrollmentDates.map((e) => e.date)).toEqual(Array(6).fill(group!.startDate));

    // Sophia and Ava each missed only the latest session: one more absence flags them.
    const absences = await asMapleGrove((tx) =>
      tx
        .select({ first: students.firstName, date: interventionSessions.sessionDate })
        .from(sessionAttendance)
        .innerJoin(
          interventionSessions,
          and(
            eq(interventionSessions.tenantId, sessionAttendance.tenantId),
            eq(interventionSessions.id, sessionAttendance.sessionId),
          ),
        )
        .innerJoin(
          students,
          and(
            eq(students.tenantId, sessionAttendance.tenantId),
            eq(students.id, sessionAttendance.studentId),
          ),
        )
        .where(
          and(
            eq(interventionSessions.interventionId, group!.id),
            eq(sessionAttendance.status, "absent"),
          ),
        ),
    );
    const latestHeld = held.at(-1)!.date;
    expect(absences.map((a) => `${a.first} ${a.date}`).sort()).toEqual([
      `Ava ${latestHeld}`,
      `Sophia ${latestHeld}`,
    ]);
  });

  it("tracks Emma's fluency level from 2.8 to 3.2, the latest note shared with her family", async () => {
    const notes = await asMapleGrove((tx) =>
      tx
        .select({
          value: progressNotes.measureValue,
          name: progressNotes.measureName,
          visibility: progressNotes.visibility,
          observation: progressNotes.observation,
        })
        .from(progressNotes)
        .innerJoin(
          students,
          and(
            eq(students.tenantId, progressNotes.tenantId),
            eq(students.id, progressNotes.studentId),
          ),
        )
        .where(and(eq(students.firstName, "Emma"), eq(students.lastName, "Wilson")))
        .orderBy(asc(progressNotes.noteDate)),
    );
    expect(notes.length).toBeGreaterThanOrEqual(3);
    expect(notes.every((n) => n.name === "Fluency level")).toBe(true);
    expect(notes[0]?.value).toBe(2.8);
    expect(notes.at(-1)).toMatchObject({
      value: 3.2,
      visibility: "family",
      observation: "Emma is showing improvement in decoding multisyllabic words.",
    });
    const values = notes.map((n) => n.value ?? 0);
    expect([...values].sort((a, b) => a - b)).toEqual(values);
  });

  it("sets each enrolled student's tier to that of their active group", async () => {
    const rows = await asMapleGrove((tx) =>
      tx.execute<{ first_name: string; current_tier: number; group_tier: number }>(sql`
        select s.first_name, s.current_tier, max(i.tier_level)::int as group_tier
        from intervention.students s
        join intervention.intervention_enrollments e on e.tenant_id = s.tenant_id and e.student_id = s.id and e.is_active
        join intervention.interventions i on i.tenant_id = e.tenant_id and i.id = e.intervention_id and i.status = 'active'
        where i.intervention_name in (${sql.join(
          [DEMO_GROUPS.phonics, DEMO_GROUPS.intensiveReading, DEMO_GROUPS.mathFacts].map(
            (n) => sql`${n}`,
          ),
          sql`, `,
        )})
        group by s.id, s.first_name, s.current_tier`),
    );
    expect(rows.length).toBeGreaterThan(6);
    for (const row of rows) expect(row.current_tier).toBe(row.group_tier);
    expect(rows.some((r) => r.current_tier === 3)).toBe(true);
  });

  it("names a non-responder still in Tier 2 on a Tier 2 group's effectiveness (Scenario 7)", async () => {
    const [group] = await asMapleGrove((tx) =>
      tx
        .select({ id: interventions.id, tier: interventions.tier, status: interventions.status })
        .from(interventions)
        .where(eq(interventions.name, DEMO_GROUPS.fluency)),
    );
    expect(group).toMatchObject({ tier: 2, status: "active" });
    // As Ms. Johnson reads it (GET /interventions/{id}/effectiveness), on the pinned clock.
    const effectiveness = await getEffectiveness(contextOf(app.db, johnson), group!.id);
    expect(effectiveness.fidelityDetail.trusted).toBe(true);
    expect(effectiveness.nonResponders).toHaveLength(1);
    const flagged = await asMapleGrove((tx) =>
      tx
        .select({ currentTier: students.currentTier })
        .from(students)
        .where(
          inArray(
            students.id,
            effectiveness.nonResponders.map((n) => n.studentId),
          ),
        ),
    );
    expect(flagged).toEqual([{ currentTier: 2 }]);
  });

  it("begins each Tier 2/3 student's tier history with the placement in their group", async () => {
    const rows = await asMapleGrove((tx) =>
      tx.execute<{ starts: number; placed_in_own_group: boolean }>(sql`
        select count(t.id)::int as starts,
               bool_and(t.to_tier = i.tier_level and t.decided_on = i.start_date) as placed_in_own_group
        from intervention.intervention_enrollments e
        join intervention.interventions i on i.tenant_id = e.tenant_id and i.id = e.intervention_id
        left join intervention.tier_changes t
          on t.tenant_id = e.tenant_id and t.student_id = e.student_id and t.decision = 'start'
        where e.is_active and i.status = 'active' and i.tier_level > 1
          and i.intervention_name = ${DEMO_GROUPS.intensiveReading}
        group by e.student_id`),
    );
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) expect(row).toEqual({ starts: 1, placed_in_own_group: true });
  });
});
