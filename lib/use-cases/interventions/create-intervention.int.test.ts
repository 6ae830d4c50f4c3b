import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import {
  auditLog,
  interventionEnrollments,
  interventionFacilitators,
  interventionSessions,
  interventions,
  outbox,
  rooms,
  schools,
  staff,
  students,
} from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { addDays, instantAt, weekdayOf } from "@/lib/domain/calendar/dates";
import { ForbiddenError, IdempotencyKeyReusedError, NotFoundError } from "@/lib/domain/errors";
import {
  type CreateInterventionFormValues,
  createInterventionSchema,
} from "@/lib/domain/interventions/schemas";
import type { Actor } from "@/lib/domain/policy";
import { DEMO_ACCOUNTS, loadDemoActor } from "@/scripts/seed/accounts";
import { nthWeekday, schoolYearOf } from "@/scripts/seed/calendar";
import { newFacilitator } from "@/test/support/facilitators";
import type { UseCaseContext } from "../context";
import { createIntervention } from "./create-intervention";
import { getIntervention } from "./get-intervention";
import { listInterventions } from "./list-interventions";

let app: DatabaseHandle;
let johnson: Actor;
let cedarSpecialist: Actor;
/** Six Maple Grove middle-schoolers in no seeded group. */
let sixStudents: string[];
let cedarStudentId: string;
let cedarStaffId: string;
let cedarRoomId: string;

const TIME_ZONE = "America/Chicago";

/**
 * Dates come from the seeded school year, whatever day the clock is pinned to: Scenario 1's
 * group starts the Monday after spring break (eight weeks without a holiday follow), and the
 * use-cases run a week before it, so the group is still "planned".
 */
const year = schoolYearOf(inject("seedToday"));
const springStart = addDays(nthWeekday(year.startYear + 1, 3, "MO", 3), 7);
const thanksgiving = nthWeekday(year.startYear, 11, "TH", 4);

function ctxFor(actor: Actor): UseCaseContext {
  return {
    db: app.db,
    actor,
    now: () => instantAt(addDays(springStart, -7), "09:00", actor.timeZone),
    requestId: `test-${randomUUID()}`,
  };
}

/**
 * Scenario 1's form, with a name of the test's own so tests never see each other's groups. Its
 * times stay off the seeded groups' (Phonics meets at 10:00): the seed moves with the pinned
 * day, so on a March clock they share the weeks of spring.
 */
function scenario1(overrides: Partial<CreateInterventionFormValues> = {}) {
  return createInterventionSchema.parse({
    name: `Small Group Reading - Tier 2 (${randomUUID().slice(0, 8)})`,
    tier: 2,
    focusArea: "Reading Fluency",
    startDate: springStart,
    durationWeeks: 8,
    schedule: { days: ["MO", "WE", "FR"], startTime: "10:30", minutes: 30 },
    facilitatorIds: [johnson.staffId],
    studentIds: sixStudents,
    ...overrides,
  });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("Expected a refusal");
}

/** Everything a create writes, counted per district, as the app role sees it. */
async function footprint(tenantId: string) {
  return withTenant(app.db, { tenantId }, async (tx) => {
    const count = async (table: PgTable) => {
      const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(table);
      return row?.n ?? 0;
    };
    return {
      interventions: await count(interventions),
      facilitators: await count(interventionFacilitators),
      sessions: await count(interventionSessions),
      enrollments: await count(interventionEnrollments),
      outbox: await count(outbox),
      audit: await count(auditLog),
    };
  });
}

async function interventionsNamed(name: string) {
  return withTenant(app.db, { tenantId: johnson.tenantId }, (tx) =>
    tx.select({ id: interventions.id }).from(interventions).where(eq(interventions.name, name)),
  );
}

beforeAll(async () => {
  app = connect(inject("appUrl"));
  johnson = await loadDemoActor(app.db, DEMO_ACCOUNTS.specialist);
  cedarSpecialist = await loadDemoActor(app.db, DEMO_ACCOUNTS.cedarSpecialist);
  expect(johnson.timeZone).toBe(TIME_ZONE);

  sixStudents = await withTenant(app.db, { tenantId: johnson.tenantId }, async (tx) => {
    const rows = await tx
      .select({ id: students.id })
      .from(students)
      .innerJoin(
        schools,
        and(eq(schools.tenantId, students.tenantId), eq(schools.id, students.schoolId)),
      )
      .where(and(eq(schools.name, "Maple Grove Middle School"), inArray(students.grade, [7, 8])))
      .orderBy(asc(students.localId))
      .limit(6);
    return rows.map((r) => r.id);
  });
  expect(sixStudents).toHaveLength(6);

  await withTenant(app.db, { tenantId: cedarSpecialist.tenantId }, async (tx) => {
    const [student] = await tx.select({ id: students.id }).from(students).limit(1);
    const [member] = await tx.select({ id: staff.id }).from(staff).limit(1);
    const [room] = await tx.select({ id: rooms.id }).from(rooms).limit(1);
    if (!student || !member || !room) throw new Error("Cedar Ridge has no demo rows");
    cedarStudentId = student.id;
    cedarStaffId = member.id;
    cedarRoomId = room.id;
  });
});

afterAll(async () => {
  await app?.close();
});

describe("Scenario 1: a specialist creates a Tier 2 reading group", () => {
  it("creates the group, 24 sessions, 6 enrollments, the events and the audit trail", async () => {
    const input = scenario1({ name: "Small Group Reading - Tier 2" });
    const result = await createIntervention(ctxFor(johnson), input);

    expect(result.status).toBe(201);
    expect(result.replayed).toBe(false);
    const dto = result.body;
    expect(dto).toMatchObject({
      name: "Small Group Reading - Tier 2",
      tier: 2,
      focusArea: "Reading Fluency",
      durationWeeks: 8,
      frequency: "3 times per week, 30 minutes",
      schedule: { days: ["MO", "WE", "FR"], startTime: "10:30", minutes: 30 },
      facilitatorIds: [johnson.staffId],
      sessionCount: 24,
      enrolledCount: 6,
      startDate: springStart,
      // Eight full weeks: the last session is the Friday of the eighth week.
      endDate: addDays(springStart, 53),
      status: "planned",
    });
    expect(dto.nextSessionAt).toBe(instantAt(springStart, "10:30", TIME_ZONE).toISOString());
    // The answer is built from what was written: a read of the group says the same.
    const { intervention: read } = await getIntervention(ctxFor(johnson), dto.id);
    expect(read).toEqual(dto);

    const written = await withTenant(app.db, { tenantId: johnson.tenantId }, async (tx) => ({
      sessions: await tx
        .select({
          sequence: interventionSessions.sequence,
          date: interventionSessions.sessionDate,
          startsAt: interventionSessions.startsAt,
          minutes: interventionSessions.minutes,
          facilitatorId: interventionSessions.facilitatorId,
          status: interventionSessions.status,
        })
        .from(interventionSessions)
        .where(eq(interventionSessions.interventionId, dto.id))
        .orderBy(asc(interventionSessions.sequence)),
      enrollments: await tx
        .select({
          studentId: interventionEnrollments.studentId,
          active: interventionEnrollments.isActive,
        })
        .from(interventionEnrollments)
        .where(eq(interventionEnrollments.interventionId, dto.id)),
      events: await tx
        .select({ type: outbox.type, subject: outbox.subject, data: outbox.data })
        .from(outbox)
        .where(sql`${outbox.data}->>'interventionId' = ${dto.id}`),
      audit: await tx
        .select({
          action: auditLog.action,
          entityType: auditLog.entityType,
          entityId: auditLog.entityId,
          studentId: auditLog.studentId,
          actorUserId: auditLog.actorUserId,
          actorRole: auditLog.actorRole,
          after: auditLog.after,
        })
        .from(auditLog)
        .where(
          sql`${auditLog.entityId} = ${dto.id} or ${auditLog.after}->>'interventionId' = ${dto.id}`,
        ),
    }));

    // 24 calendar entries, 10:00 Chicago time on Mondays, Wednesdays and Fridays.
    expect(written.sessions).toHaveLength(24);
    expect(written.sessions.map((s) => s.sequence)).toEqual(
      Array.from({ length: 24 }, (_, i) => i + 1),
    );
    for (const session of written.sessions) {
      expect(["MO", "WE", "FR"]).toContain(weekdayOf(session.date));
      expect(session.startsAt.toISOString()).toBe(
        instantAt(session.date, "10:30", TIME_ZONE).toISOString(),
      );
      expect(session).toMatchObject({
        minutes: 30,
        facilitatorId: johnson.staffId,
        status: "scheduled",
      });
    }

    expect(written.enrollments.map((e) => e.studentId).sort()).toEqual([...sixStudents].sort());
    expect(written.enrollments.every((e) => e.active)).toBe(true);

    const created = written.events.filter((e) => e.type === "InterventionCreatedEvent");
    const enrolled = written.events.filter((e) => e.type === "StudentEnrolledInInterventionEvent");
    expect(created).toHaveLength(1);
    expect(created[0]?.data).toMatchObject({ interventionId: dto.id, sessionCount: 24, tier: 2 });
    expect(enrolled).toHaveLength(6);
    expect(enrolled.map((e) => (e.data as { studentId: string }).studentId).sort()).toEqual(
      [...sixStudents].sort(),
    );
    expect(enrolled.map((e) => e.subject).sort()).toEqual(
      sixStudents.map((id) => `student/${id}`).sort(),
    );
    expect(written.events).toHaveLength(7);

    const auditOfGroup = written.audit.filter((a) => a.entityType === "intervention");
    const auditOfEnrollments = written.audit.filter(
      (a) => a.entityType === "intervention_enrollment",
    );
    expect(auditOfGroup).toEqual([
      expect.objectContaining({
        action: "intervention.created",
        entityId: dto.id,
        actorUserId: johnson.userId,
        actorRole: "specialist",
      }),
    ]);
    expect(auditOfEnrollments).toHaveLength(6);
    expect(auditOfEnrollments.map((a) => a.studentId).sort()).toEqual([...sixStudents].sort());
    expect(auditOfEnrollments.every((a) => a.actorUserId === johnson.userId)).toBe(true);
  });

  it("shows the new group on the specialist's dashboard list", async () => {
    const { body } = await createIntervention(
      ctxFor(johnson),
      scenario1({ schedule: { days: ["MO", "WE", "FR"], startTime: "14:50", minutes: 30 } }),
    );
    const list = await listInterventions(ctxFor(johnson), { limit: 100 });
    expect(list.items.map((i) => i.id)).toContain(body.id);
    expect(list.items.find((i) => i.id === body.id)).toMatchObject({
      sessionCount: 24,
      enrolledCount: 6,
    });
  });

  it("skips Thanksgiving Thursday and Friday and extends the series to keep 24 sessions", async () => {
    const { body } = await createIntervention(
      ctxFor(johnson),
      scenario1({
        // Five weeks and three days before Thanksgiving: a Monday.
        startDate: addDays(thanksgiving, -38),
        schedule: { days: ["MO", "WE", "FR"], startTime: "14:00", minutes: 30 },
        facilitatorIds: [await newFacilitator(app.db, johnson.tenantId)],
        studentIds: [],
      }),
    );
    const dates = await withTenant(app.db, { tenantId: johnson.tenantId }, async (tx) =>
      (
        await tx
          .select({ date: interventionSessions.sessionDate })
          .from(interventionSessions)
          .where(eq(interventionSessions.interventionId, body.id))
          .orderBy(asc(interventionSessions.sessionDate))
      ).map((r) => r.date),
    );
    expect(dates).toHaveLength(24);
    expect(body.sessionCount).toBe(24);
    expect(dates).not.toContain(thanksgiving);
    expect(dates).not.toContain(addDays(thanksgiving, 1));
    // The Wednesday before Thanksgiving is a school day.
    expect(dates).toContain(addDays(thanksgiving, -1));
    // Without the holiday the eighth week would end on a Friday; one more Monday is needed.
    const lastMonday = addDays(thanksgiving, -38 + 56);
    expect(weekdayOf(lastMonday)).toBe("MO");
    expect(body.endDate).toBe(lastMonday);
    expect(dates.at(-1)).toBe(lastMonday);
  });
});

describe("another district's ids", () => {
  it("a Cedar Ridge student is not found, and nothing is written anywhere", async () => {
    const before = {
      maple: await footprint(johnson.tenantId),
      cedar: await footprint(cedarSpecialist.tenantId),
    };
    const error = await rejection(
      createIntervention(
        ctxFor(johnson),
        scenario1({
          studentIds: [...sixStudents.slice(0, 5), cedarStudentId],
          schedule: { days: ["MO", "WE", "FR"], startTime: "15:20", minutes: 30 },
        }),
      ),
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).errors).toEqual([
      expect.objectContaining({ path: "studentIds.5" }),
    ]);
    const after = {
      maple: await footprint(johnson.tenantId),
      cedar: await footprint(cedarSpecialist.tenantId),
    };
    expect(after).toEqual(before);
  });

  it("a Cedar Ridge facilitator is not found, and nothing is written anywhere", async () => {
    const before = {
      maple: await footprint(johnson.tenantId),
      cedar: await footprint(cedarSpecialist.tenantId),
    };
    const error = await rejection(
      createIntervention(
        ctxFor(johnson),
        scenario1({
          facilitatorIds: [cedarStaffId],
          schedule: { days: ["MO", "WE", "FR"], startTime: "08:20", minutes: 30 },
        }),
      ),
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).errors).toEqual([
      expect.objectContaining({ path: "facilitatorIds.0" }),
    ]);
    const after = {
      maple: await footprint(johnson.tenantId),
      cedar: await footprint(cedarSpecialist.tenantId),
    };
    expect(after).toEqual(before);
  });

  it("a Cedar Ridge room is not found, and nothing is written", async () => {
    const before = await footprint(johnson.tenantId);
    const error = await rejection(
      createIntervention(
        ctxFor(johnson),
        scenario1({
          roomId: cedarRoomId,
          schedule: { days: ["MO", "WE", "FR"], startTime: "11:00", minutes: 30 },
        }),
      ),
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect(await footprint(johnson.tenantId)).toEqual(before);
  });
});

describe("Idempotency-Key", () => {
  it("the same key and body twice create one intervention; the retry is a replay of the first", async () => {
    const key = randomUUID();
    const input = scenario1({
      schedule: { days: ["MO", "WE", "FR"], startTime: "16:00", minutes: 30 },
    });
    const first = await createIntervention(ctxFor(johnson), input, key);
    const before = await footprint(johnson.tenantId);
    const second = await createIntervention(ctxFor(johnson), input, key);

    expect(first.replayed).toBe(false);
    expect(second.replayed).toBe(true);
    expect(second.status).toBe(first.status);
    expect(second.body.id).toBe(first.body.id);
    expect(second.body).toEqual(first.body);
    expect(await interventionsNamed(input.name)).toEqual([{ id: first.body.id }]);
    expect(await footprint(johnson.tenantId)).toEqual(before);
  });

  it("the same key with a different body is refused and writes nothing", async () => {
    const key = randomUUID();
    const input = scenario1({
      schedule: { days: ["MO", "WE", "FR"], startTime: "16:30", minutes: 30 },
    });
    await createIntervention(ctxFor(johnson), input, key);
    const before = await footprint(johnson.tenantId);
    const changed = { ...input, name: `${input.name} (changed)` };

    const error = await rejection(createIntervention(ctxFor(johnson), changed, key));
    expect(error).toBeInstanceOf(IdempotencyKeyReusedError);
    expect(await interventionsNamed(changed.name)).toEqual([]);
    expect(await footprint(johnson.tenantId)).toEqual(before);
  });

  it("the same key sent twice at once creates exactly one intervention", async () => {
    const key = randomUUID();
    const input = scenario1({
      schedule: { days: ["MO", "WE", "FR"], startTime: "11:30", minutes: 30 },
    });
    const before = await footprint(johnson.tenantId);
    const results = await Promise.all([
      createIntervention(ctxFor(johnson), input, key),
      createIntervention(ctxFor(johnson), input, key),
    ]);

    const [a, b] = results;
    expect(a?.body.id).toBeDefined();
    expect(b?.body.id).toBe(a?.body.id);
    expect(results.filter((r) => r.replayed)).toHaveLength(1);
    expect(await interventionsNamed(input.name)).toEqual([{ id: a?.body.id }]);
    const after = await footprint(johnson.tenantId);
    expect(after.interventions - before.interventions).toBe(1);
    expect(after.sessions - before.sessions).toBe(24);
    expect(after.enrollments - before.enrollments).toBe(6);
    expect(after.outbox - before.outbox).toBe(7);
  });

  it("keys are per user: another specialist's identical key is not a replay", async () => {
    const admin = await loadDemoActor(app.db, DEMO_ACCOUNTS.admin);
    const key = randomUUID();
    const input = scenario1({
      schedule: { days: ["MO", "WE", "FR"], startTime: "13:40", minutes: 30 },
    });
    const mine = await createIntervention(ctxFor(johnson), input, key);
    // A different body under the same key: were keys shared, this would be refused as reused.
    const theirs = await createIntervention(
      ctxFor(admin),
      {
        ...input,
        facilitatorIds: [await newFacilitator(app.db, johnson.tenantId)],
        studentIds: [],
      },
      key,
    );
    expect(theirs.replayed).toBe(false);
    expect(theirs.body.id).not.toBe(mine.body.id);
  });
});

describe("who may create", () => {
  it.each([
    ["teacher", DEMO_ACCOUNTS.teacher],
    ["facilitator", DEMO_ACCOUNTS.facilitator],
    ["parent", DEMO_ACCOUNTS.parent],
  ] as const)("a %s may not create an intervention", async (_role, email) => {
    const actor = await loadDemoActor(app.db, email);
    const before = await footprint(johnson.tenantId);
    const error = await rejection(
      createIntervention(
        ctxFor(actor),
        scenario1({ schedule: { days: ["MO", "WE", "FR"], startTime: "14:20", minutes: 30 } }),
      ),
    );
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(await footprint(johnson.tenantId)).toEqual(before);
  });
});
