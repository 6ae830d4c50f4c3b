import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import {
  assessments,
  communications,
  exitFollowUps,
  exitReviews,
  guardians,
  interventionEnrollments,
  interventions,
  outbox,
  probeScores,
  sectionStudents,
  sections,
  studentGuardians,
  students,
  users,
} from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { now } from "@/lib/clock";
import { addDays, todayIn } from "@/lib/domain/calendar/dates";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import type { ExitReport } from "@/lib/domain/exit";
import { createInterventionSchema } from "@/lib/domain/interventions/schemas";
import type { Actor } from "@/lib/domain/policy";
import { evaluateExitsJob } from "@/lib/integrations/jobs/exit-jobs";
import { jobRunnerStarter } from "@/lib/integrations/jobs/runner";
import type { RunningWorker } from "@/lib/integrations/workers";
import { loadInterventionAccess } from "@/lib/use-cases/access";
import { recordAssessmentResult } from "@/lib/use-cases/assessments/record-assessment-result";
import { createIntervention } from "@/lib/use-cases/interventions/create-intervention";
import { studentInterventionHistory } from "@/lib/use-cases/students/student-intervention-history";
import { DEMO_ACCOUNTS, DEMO_GROUPS, loadDemoActor } from "@/scripts/seed/accounts";
import { contextOf } from "@/test/support/context";
import { newFacilitator } from "@/test/support/facilitators";
import { approveExit } from "./approve-exit";
import { completeEndedGroupsOf } from "./complete-ended-groups";
import { declineExit } from "./decline-exit";
import { endEnrollment } from "./end-enrollment";
import { listFollowUpsDue, recordFollowUp } from "./follow-ups";
import { listExitReviews } from "./list-exit-reviews";
import { recommendExit } from "./recommend-exit";

let app: DatabaseHandle;
let specialist: Actor;
let padre: Actor;
let cedarSpecialist: Actor;
let sophiaId: string;
let teacher: Actor | null = null;

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("Expected a rejection");
}

/** A group of the test's own, active, with a proficiency target of 40 on "WCPM". */
async function newGroup(studentIds: string[]): Promise<string> {
  const today = todayIn(specialist.timeZone, now());
  const facilitator = await newFacilitator(app.db, specialist.tenantId);
  const created = await createIntervention(
    contextOf(app.db, specialist),
    createInterventionSchema.parse({
      name: `Exit test ${randomUUID().slice(0, 8)}`,
      tier: 2,
      focusArea: "Reading Fluency",
      startDate: addDays(today, 1),
      durationWeeks: 2,
      schedule: { days: ["MO", "TU", "WE", "TH", "FR"], startTime: "16:25", minutes: 20 },
      facilitatorIds: [facilitator],
      studentIds,
    }),
  );
  await withTenant(app.db, specialist, (tx) =>
    tx
      .update(interventions)
      .set({ status: "active", proficiencyTarget: 40, measureName: "WCPM" })
      .where(eq(interventions.id, created.body.id)),
  );
  return created.body.id;
}

async function addProbes(interventionId: string, studentId: string, values: number[]) {
  const today = todayIn(specialist.timeZone, now());
  await withTenant(app.db, specialist, (tx) =>
    tx.insert(probeScores).values(
      values.map((value, index) => ({
        tenantId: specialist.tenantId,
        interventionId,
        studentId,
        scoreDate: addDays(today, index - values.length),
        value,
      })),
    ),
  );
}

let testAssessment: { id: string; scaleMax: number } | null = null;

/**
 * Records a benchmark at the top of the scale (above any cut), on an assessment of the test's
 * own: the seeded Reading Benchmark's one-score-per-student is another test's subject.
 */
async function topBenchmark(studentId: string) {
  if (!testAssessment) {
    const [row] = await withTenant(app.db, specialist, (tx) =>
      tx
        .insert(assessments)
        .values({
          tenantId: specialist.tenantId,
          name: `Exit test benchmark ${randomUUID().slice(0, 8)}`,
          subject: "Reading",
        })
        .returning({ id: assessments.id, scaleMax: assessments.scaleMax }),
    );
    testAssessment = row ?? null;
  }
  const assessment = testAssessment;
  if (!assessment) throw new Error("The test assessment was not written");
  await recordAssessmentResult(contextOf(app.db, specialist), {
    assessmentId: assessment.id,
    studentId,
    window: "winter",
    administeredOn: todayIn(specialist.timeZone, now()),
    score: assessment.scaleMax,
    percentile: null,
  } as Parameters<typeof recordAssessmentResult>[1]);
}

async function openReview(interventionId: string, studentId: string) {
  const [row] = await withTenant(app.db, specialist, (tx) =>
    tx
      .select()
      .from(exitReviews)
      .where(
        and(eq(exitReviews.interventionId, interventionId), eq(exitReviews.studentId, studentId)),
      ),
  );
  return row ?? null;
}

beforeAll(async () => {
  app = connect(inject("appUrl"), { max: 4 });
  specialist = await loadDemoActor(app.db, DEMO_ACCOUNTS.specialist);
  padre = await loadDemoActor(app.db, DEMO_ACCOUNTS.padre);
  cedarSpecialist = await loadDemoActor(app.db, DEMO_ACCOUNTS.cedarSpecialist);
  const [child] = await withTenant(app.db, padre, (tx) =>
    tx
      .select({ id: studentGuardians.studentId })
      .from(studentGuardians)
      .where(eq(studentGuardians.guardianId, padre.guardianId as string)),
  );
  if (!child) throw new Error("Carlos Martinez has no child in the seed");
  sophiaId = child.id;
  // A teacher with an account whose class roster has Sophia.
  const [teaching] = await withTenant(app.db, specialist, (tx) =>
    tx
      .select({ email: users.email })
      .from(sectionStudents)
      .innerJoin(sections, eq(sections.id, sectionStudents.sectionId))
      .innerJoin(users, eq(users.staffId, sections.teacherId))
      .where(and(eq(sectionStudents.studentId, sophiaId), eq(users.role, "teacher")))
      .limit(1),
  );
  if (teaching) teacher = await loadDemoActor(app.db, teaching.email);
});

afterAll(async () => {
  await app.close();
});

describe("exit (Scenario 11)", () => {
  it("has the demo's students ready for an exit recommendation, on the facilitator's list", async () => {
    const facilitator = await loadDemoActor(app.db, DEMO_ACCOUNTS.facilitator);
    const mine = await listExitReviews(contextOf(app.db, facilitator), { status: "eligible" });
    expect(mine.items.map((r) => r.interventionName)).toContain(DEMO_GROUPS.intensiveReading);
    const all = await listExitReviews(contextOf(app.db, specialist), { status: "eligible" });
    expect(all.items.map((r) => r.interventionName)).toEqual(
      expect.arrayContaining([DEMO_GROUPS.intensiveReading, DEMO_GROUPS.mathFacts]),
    );
    const seeded = all.items.find((r) => r.interventionName === DEMO_GROUPS.intensiveReading);
    expect(seeded?.report.dataMet).toBe(true);
    expect(await rejection(listExitReviews(contextOf(app.db, padre), {}))).toBeInstanceOf(
      ForbiddenError,
    );
  });

  it("flags on the data, recommends, approves: enrollment ended, event, 6 follow-ups, celebration letter in Spanish; access after exit", async () => {
    expect(teacher, "a teacher account teaches Sophia in the seed").not.toBeNull();
    const groupId = await newGroup([sophiaId]);
    await addProbes(groupId, sophiaId, [30, 41, 45, 40]);
    expect(await openReview(groupId, sophiaId)).toBeNull();

    // The benchmark arrives: the evaluation runs in the same request.
    await topBenchmark(sophiaId);
    const flagged = await openReview(groupId, sophiaId);
    expect(flagged).toMatchObject({ status: "eligible" });
    const report = flagged?.criteria as ExitReport;
    expect(report.probes.map((p) => p.value)).toEqual([41, 45, 40]);
    expect(report.dataMet).toBe(true);
    const reviewId = flagged?.id as string;

    const eligible = await listExitReviews(contextOf(app.db, specialist), { status: "eligible" });
    expect(eligible.items.map((r) => r.id)).toContain(reviewId);

    if (teacher) {
      const access = await withTenant(app.db, teacher, (tx) =>
        loadInterventionAccess(tx, contextOf(app.db, teacher as Actor), groupId),
      );
      expect(access.access).toBe("view");
    }
    const family = await withTenant(app.db, padre, (tx) =>
      loadInterventionAccess(tx, contextOf(app.db, padre), groupId),
    );
    expect(family.access).toBe("family");

    // Not before the facilitator's recommendation; never from another district.
    expect(await rejection(approveExit(contextOf(app.db, specialist), reviewId))).toBeInstanceOf(
      ConflictError,
    );
    expect(
      await rejection(recommendExit(contextOf(app.db, cedarSpecialist), reviewId, {})),
    ).toBeInstanceOf(NotFoundError);
    await recommendExit(contextOf(app.db, specialist), reviewId, { note: "Reads fluently now." });
    expect(
      await rejection(approveExit(contextOf(app.db, cedarSpecialist), reviewId)),
    ).toBeInstanceOf(NotFoundError);
    expect(await rejection(approveExit(contextOf(app.db, padre), reviewId))).toBeInstanceOf(
      ForbiddenError,
    );

    const approved = await approveExit(contextOf(app.db, specialist), reviewId);
    expect(approved.status).toBe("approved");
    expect(approved.report.criteria.find((c) => c.key === "facilitator-recommends")?.met).toBe(
      true,
    );

    const today = todayIn(specialist.timeZone, now());
    const [enrollment] = await withTenant(app.db, specialist, (tx) =>
      tx
        .select()
        .from(interventionEnrollments)
        .where(
          and(
            eq(interventionEnrollments.interventionId, groupId),
            eq(interventionEnrollments.studentId, sophiaId),
          ),
        ),
    );
    expect(enrollment).toMatchObject({
      isActive: false,
      exitDate: today,
      exitReason: "met-exit-criteria",
    });
    const events = await withTenant(app.db, specialist, (tx) =>
      tx
        .select({ data: outbox.data })
        .from(outbox)
        .where(
          and(
            eq(outbox.type, "StudentExitedInterventionEvent"),
            sql`${outbox.data} ->> 'enrollmentId' = ${enrollment?.id}`,
          ),
        ),
    );
    expect(events.map((e) => e.data)).toEqual([
      {
        enrollmentId: enrollment?.id,
        interventionId: groupId,
        studentId: sophiaId,
        exitDate: today,
        exitReason: "met-exit-criteria",
      },
    ]);
    const followUps = await withTenant(app.db, specialist, (tx) =>
      tx
        .select()
        .from(exitFollowUps)
        .where(eq(exitFollowUps.enrollmentId, enrollment?.id as string)),
    );
    expect(followUps).toHaveLength(6);
    expect(followUps.every((f) => f.status === "due" && f.dueOn > today)).toBe(true);
    const letters = await withTenant(app.db, specialist, (tx) =>
      tx
        .select({
          language: communications.language,
          status: communications.status,
          body: communications.body,
          guardianLanguage: guardians.language,
        })
        .from(communications)
        .innerJoin(guardians, eq(guardians.id, communications.guardianId))
        .where(
          and(
            eq(communications.kind, "exit-celebration"),
            eq(communications.enrollmentId, enrollment?.id as string),
          ),
        ),
    );
    expect(letters.length).toBeGreaterThan(0);
    for (const letter of letters) {
      expect(letter.status).toBe("queued");
      expect(letter.language).toBe(letter.guardianLanguage === "es" ? "es" : "en");
    }
    expect(letters.some((l) => l.language === "es" && l.body.includes("alcanzó las metas"))).toBe(
      true,
    );

    // The group is closed to the family and the teacher from now on; the child's history keeps it.
    expect(
      await rejection(
        withTenant(app.db, padre, (tx) =>
          loadInterventionAccess(tx, contextOf(app.db, padre), groupId),
        ),
      ),
    ).toBeInstanceOf(NotFoundError);
    if (teacher) {
      const t = teacher;
      expect(
        await rejection(
          withTenant(app.db, t, (tx) => loadInterventionAccess(tx, contextOf(app.db, t), groupId)),
        ),
      ).toBeInstanceOf(NotFoundError);
    }
    const history = await studentInterventionHistory(contextOf(app.db, padre), sophiaId);
    expect(history.interventions.find((i) => i.interventionId === groupId)).toMatchObject({
      current: false,
    });

    // A decided review cannot be decided again.
    expect(
      await rejection(declineExit(contextOf(app.db, specialist), reviewId, { reason: "Too late" })),
    ).toBeInstanceOf(ConflictError);
  });

  it("records a follow-up as slipping, which offers re-entry", async () => {
    const [student] = await withTenant(app.db, specialist, (tx) =>
      tx
        .select({ id: students.id })
        .from(students)
        .orderBy(students.lastName, students.id)
        .offset(20)
        .limit(1),
    );
    const groupId = await newGroup([student?.id as string]);
    await addProbes(groupId, student?.id as string, [50, 50, 50]);
    await topBenchmark(student?.id as string);
    const review = await openReview(groupId, student?.id as string);
    await recommendExit(contextOf(app.db, specialist), review?.id as string, {});
    await approveExit(contextOf(app.db, specialist), review?.id as string);
    // Pretend the first check fell due yesterday.
    const today = todayIn(specialist.timeZone, now());
    const [first] = await withTenant(app.db, specialist, (tx) =>
      tx
        .update(exitFollowUps)
        .set({ dueOn: addDays(today, -1) })
        .where(
          and(
            eq(exitFollowUps.interventionId, groupId),
            eq(
              exitFollowUps.dueOn,
              sql`(select min(due_on) from intervention.exit_follow_ups f where f.intervention_id = ${groupId})`,
            ),
          ),
        )
        .returning(),
    );
    const due = await listFollowUpsDue(contextOf(app.db, specialist));
    expect(due.items.find((f) => f.id === first?.id)).toMatchObject({
      overdue: true,
      status: "due",
    });
    await recordFollowUp(contextOf(app.db, specialist), first?.id as string, {
      status: "slipping",
      probeScore: 31,
    });
    const after = await listFollowUpsDue(contextOf(app.db, specialist));
    expect(after.items.find((f) => f.id === first?.id)).toMatchObject({
      status: "slipping",
      overdue: false,
      reEnrollHref: `/interventions/${groupId}#enroll-heading`,
    });
  });

  it("declines with the reason, and ends an enrollment for another reason", async () => {
    const [a, b] = await withTenant(app.db, specialist, (tx) =>
      tx
        .select({ id: students.id })
        .from(students)
        .orderBy(students.lastName, students.id)
        .offset(25)
        .limit(2),
    );
    const groupId = await newGroup([a?.id as string, b?.id as string]);
    await addProbes(groupId, a?.id as string, [60, 60, 60]);
    await topBenchmark(a?.id as string);
    const review = await openReview(groupId, a?.id as string);
    const declined = await declineExit(contextOf(app.db, specialist), review?.id as string, {
      reason: "One more benchmark first.",
    });
    expect(declined).toMatchObject({
      status: "declined",
      decisionReason: "One more benchmark first.",
    });

    const today = todayIn(specialist.timeZone, now());
    const ended = await endEnrollment(contextOf(app.db, specialist), groupId, b?.id as string, {
      reason: "moved-away",
      date: today,
    });
    expect(ended.exitReason).toBe("moved-away");
    expect(
      await rejection(
        endEnrollment(contextOf(app.db, specialist), groupId, b?.id as string, {
          reason: "moved-away",
          date: today,
        }),
      ),
    ).toBeInstanceOf(NotFoundError);
    expect(
      await rejection(
        endEnrollment(contextOf(app.db, cedarSpecialist), groupId, a?.id as string, {
          reason: "moved-away",
          date: today,
        }),
      ),
    ).toBeInstanceOf(NotFoundError);
  });

  it("completes a group past its last day: enrollments end as completed, closing summary queued", async () => {
    const [student] = await withTenant(app.db, specialist, (tx) =>
      tx
        .select({ id: students.id })
        .from(students)
        .orderBy(students.lastName, students.id)
        .offset(30)
        .limit(1),
    );
    const groupId = await newGroup([student?.id as string]);
    const today = todayIn(specialist.timeZone, now());
    await withTenant(app.db, specialist, (tx) =>
      tx
        .update(interventions)
        .set({ startDate: addDays(today, -30), endDate: addDays(today, -2) })
        .where(eq(interventions.id, groupId)),
    );
    const result = await completeEndedGroupsOf(app.db, specialist.tenantId, now(), [groupId]);
    expect(result).toMatchObject({ groups: 1, ended: 1 });
    const [group] = await withTenant(app.db, specialist, (tx) =>
      tx.select().from(interventions).where(eq(interventions.id, groupId)),
    );
    expect(group?.status).toBe("completed");
    const [enrollment] = await withTenant(app.db, specialist, (tx) =>
      tx
        .select()
        .from(interventionEnrollments)
        .where(eq(interventionEnrollments.interventionId, groupId)),
    );
    expect(enrollment).toMatchObject({
      isActive: false,
      exitReason: "completed",
      exitDate: addDays(today, -2),
    });
    const letters = await withTenant(app.db, specialist, (tx) =>
      tx
        .select({ kind: communications.kind })
        .from(communications)
        .where(
          and(
            eq(communications.interventionId, groupId),
            eq(communications.kind, "closing-summary"),
          ),
        ),
    );
    expect(letters.length).toBe(result.letters);
    // Run again: nothing left to do.
    expect(
      await completeEndedGroupsOf(app.db, specialist.tenantId, now(), [groupId]),
    ).toMatchObject({ groups: 0, ended: 0 });
  });

  it("runs the daily evaluation once per day even with two runners asking", async () => {
    const logs: string[] = [];
    const start = jobRunnerStarter(() => [{ ...evaluateExitsJob, everyMs: () => 150 }]);
    const runners: RunningWorker[] = await Promise.all(
      [0, 1].map(() =>
        start({
          workerUrl: inject("workerUrl"),
          log: (message) => logs.push(message),
        }),
      ),
    );
    try {
      for (
        let waited = 0;
        waited < 20_000 && !logs.some((l) => l.startsWith("Exits:"));
        waited += 100
      )
        await sleep(100);
      // Further ticks are delivered and find the day done.
      await sleep(2_000);
    } finally {
      await Promise.all(runners.map((r) => r.stop()));
    }
    expect(logs.filter((l) => l.startsWith("Exits:"))).toHaveLength(1);
  });
});
