import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import { nonInstructionalDaysBetween, setDistrictSetting } from "@/db/queries/districts";
import {
  auditLog,
  interventionSessions,
  interventions,
  resources,
  rooms,
  schools,
} from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { addDays, instantAt, weekdayOf } from "@/lib/domain/calendar/dates";
import {
  type CreateInterventionFormValues,
  createInterventionSchema,
} from "@/lib/domain/interventions/schemas";
import { updateInterventionSchema } from "@/lib/domain/interventions/update-schema";
import type { Actor } from "@/lib/domain/policy";
import { ScheduleConflictError } from "@/lib/domain/scheduling/override";
import { DEMO_ACCOUNTS, loadDemoActor } from "@/scripts/seed/accounts";
import { nthWeekday, schoolYearOf } from "@/scripts/seed/calendar";
import { newFacilitator } from "@/test/support/facilitators";
import type { UseCaseContext } from "../context";
import { createIntervention } from "../interventions/create-intervention";
import { updateIntervention } from "../interventions/update-intervention";
import { rescheduleSession } from "../sessions/reschedule-session";
import { checkSchedule } from "./check-schedule";

let app: DatabaseHandle;
let johnson: Actor;
let schoolId: string;

/**
 * Every group here is planned in two weeks of its own, months after the seeded data's today,
 * with people, rooms and resources made for the test: the only bookings a test meets are its
 * own. The two weeks are whole school weeks (no holiday, not in the summer), so each plan's
 * sessions fall on the days the test names.
 */
const seedToday = inject("seedToday");
let daysOff: Set<string>;
let nextFree = addDays(seedToday, 120);
function freshMonday(): string {
  let day = nextFree;
  while (weekdayOf(day) !== "MO") day = addDays(day, 1);
  while (Array.from({ length: 12 }, (_, i) => addDays(day, i)).some((d) => daysOff.has(d))) {
    day = addDays(day, 7);
  }
  nextFree = addDays(day, 14);
  return day;
}

function ctx(): UseCaseContext {
  return {
    db: app.db,
    actor: johnson,
    now: () => instantAt(seedToday, "09:00", johnson.timeZone),
    requestId: `test-${randomUUID()}`,
  };
}

const inDistrict = <T>(fn: Parameters<typeof withTenant<T>>[2]) =>
  withTenant(app.db, { tenantId: johnson.tenantId }, fn);

/** People made for the test, with no groups or hours: their only bookings are the test's. */
async function newStaff(count: number): Promise<string[]> {
  return Promise.all(Array.from({ length: count }, () => newFacilitator(app.db, johnson.tenantId)));
}

async function newRoom(name: string, capacity = 8): Promise<string> {
  return inDistrict(async (tx) => {
    const [row] = await tx
      .insert(rooms)
      .values({
        tenantId: johnson.tenantId,
        schoolId,
        name: `${name} ${randomUUID().slice(0, 4)}`,
        capacity,
      })
      .returning({ id: rooms.id });
    if (!row) throw new Error("no room");
    return row.id;
  });
}

function plan(overrides: Partial<CreateInterventionFormValues> & { facilitatorIds: string[] }) {
  return createInterventionSchema.parse({
    name: `Scheduling test ${randomUUID().slice(0, 8)}`,
    tier: 2,
    focusArea: "Reading Fluency",
    startDate: freshMonday(),
    durationWeeks: 2,
    schedule: { days: ["MO", "WE", "FR"], startTime: "10:00", minutes: 30 },
    studentIds: [],
    ...overrides,
  });
}

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("Expected a refusal");
}

beforeAll(async () => {
  app = connect(inject("appUrl"));
  johnson = await loadDemoActor(app.db, DEMO_ACCOUNTS.specialist);
  daysOff = await inDistrict((tx) =>
    nonInstructionalDaysBetween(tx, johnson.tenantId, seedToday, addDays(seedToday, 730)),
  );
  schoolId = await inDistrict(async (tx) => {
    const [school] = await tx
      .select({ id: schools.id })
      .from(schools)
      .where(eq(schools.name, "Maple Grove Elementary"));
    if (!school) throw new Error("Maple Grove Elementary is not seeded");
    return school.id;
  });
});

afterAll(async () => {
  await inDistrict((tx) => setDistrictSetting(tx, johnson.tenantId, "scheduleOverride", false));
  await app.close();
});

describe("the conflict check (Scenario 5)", () => {
  it("lists a taken room with its dates and offers free alternatives; saving it is refused and writes nothing", async () => {
    const [first, second] = await newStaff(2);
    const roomId = await newRoom("Reading Nook");
    const taken = plan({ facilitatorIds: [first as string], roomId });
    const created = await createIntervention(ctx(), taken);
    // Its sessions, as planned: a week far ahead may hold a holiday, which has none.
    const heldOn = await inDistrict((tx) =>
      tx
        .select({ date: interventionSessions.sessionDate })
        .from(interventionSessions)
        .where(eq(interventionSessions.interventionId, created.body.id))
        .orderBy(interventionSessions.sessionDate),
    );
    expect(heldOn.length).toBeGreaterThan(0);

    const clash = { ...taken, name: "Second group", facilitatorIds: [second as string] };
    const check = await checkSchedule(ctx(), clash);
    expect(check.conflicts).toHaveLength(heldOn.length);
    expect(check.conflicts[0]).toMatchObject({
      kind: "room_booked",
      date: heldOn[0]?.date,
      startTime: "10:00",
      endTime: "10:30",
      with: { type: "room", id: roomId },
    });
    expect(check.alternatives.length).toBeGreaterThan(0);
    expect(check.alternatives.length).toBeLessThanOrEqual(5);

    // An alternative, taken as offered, is free.
    const [alternative] = check.alternatives;
    if (!alternative) throw new Error("no alternative");
    const moved = {
      ...clash,
      schedule: { ...clash.schedule, days: alternative.days, startTime: alternative.startTime },
      roomId: alternative.roomId,
    };
    expect((await checkSchedule(ctx(), moved)).conflicts).toEqual([]);

    const error = await refusal(createIntervention(ctx(), clash));
    expect(error).toBeInstanceOf(ScheduleConflictError);
    expect((error as ScheduleConflictError).status).toBe(409);
    expect((error as ScheduleConflictError).extensions.conflicts).toHaveLength(heldOn.length);
    const written = await inDistrict((tx) =>
      tx.select().from(interventions).where(eq(interventions.name, "Second group")),
    );
    expect(written).toEqual([]);
  });

  it("lets exactly one of 20 simultaneous saves for one room and time win", async () => {
    const people = await newStaff(20);
    const roomId = await newRoom("Contested Room");
    const startDate = freshMonday();
    const outcomes = await Promise.allSettled(
      people.map((facilitator) =>
        createIntervention(ctx(), plan({ facilitatorIds: [facilitator], roomId, startDate })),
      ),
    );
    const won = outcomes.filter((o) => o.status === "fulfilled");
    const refused = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason] : []));
    expect(won).toHaveLength(1);
    expect(refused).toHaveLength(19);
    for (const reason of refused) {
      expect(reason).toBeInstanceOf(ScheduleConflictError);
      expect((reason as ScheduleConflictError).extensions.conflicts[0]?.kind).toBe("room_booked");
    }
    const bookings = await inDistrict((tx) =>
      tx.execute(
        sql`select count(*)::int as n from intervention.schedule_bookings where room_id = ${roomId}`,
      ),
    );
    expect(bookings[0]?.n).toBe(6);
  });

  it("lets a pool of six iPads go to six groups at once, and no seventh", async () => {
    const people = await newStaff(7);
    const ipads = await inDistrict(async (tx) => {
      const [row] = await tx
        .insert(resources)
        .values({
          tenantId: johnson.tenantId,
          kind: "equipment",
          name: `iPads ${randomUUID().slice(0, 4)}`,
          quantity: 6,
        })
        .returning({ id: resources.id });
      return row?.id as string;
    });
    const startDate = freshMonday();
    const outcomes = await Promise.allSettled(
      people.map((facilitator) =>
        createIntervention(
          ctx(),
          plan({
            facilitatorIds: [facilitator],
            startDate,
            resources: [{ resourceId: ipads, quantity: 1 }],
          }),
        ),
      ),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(6);
    const [refused] = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason] : []));
    expect(refused).toBeInstanceOf(ScheduleConflictError);
    expect((refused as ScheduleConflictError).extensions.conflicts[0]).toMatchObject({
      kind: "resource_at_capacity",
      with: { type: "resource", id: ipads },
    });
  });

  it("refuses to move a session into a slot its facilitator has taken", async () => {
    const [facilitator] = (await newStaff(1)) as [string];
    const morning = plan({ facilitatorIds: [facilitator] });
    const afternoon = {
      ...morning,
      name: `Afternoon ${randomUUID().slice(0, 6)}`,
      schedule: { ...morning.schedule, startTime: "13:00" },
    };
    await createIntervention(ctx(), morning);
    const created = await createIntervention(ctx(), afternoon);
    const [session] = await inDistrict((tx) =>
      tx
        .select({ id: interventionSessions.id })
        .from(interventionSessions)
        .where(
          and(
            eq(interventionSessions.interventionId, created.body.id),
            eq(interventionSessions.sessionDate, morning.startDate),
          ),
        ),
    );
    if (!session) throw new Error("no session");
    const error = await refusal(
      rescheduleSession(ctx(), session.id, {
        date: morning.startDate,
        startTime: "10:15",
        reason: "Assembly in the afternoon",
      }),
    );
    expect(error).toBeInstanceOf(ScheduleConflictError);
    expect((error as ScheduleConflictError).extensions.conflicts[0]?.kind).toBe(
      "facilitator_booked",
    );
    // Touching at the minute is free.
    await rescheduleSession(ctx(), session.id, {
      date: morning.startDate,
      startTime: "10:30",
      reason: "Assembly in the afternoon",
    });
  });

  it("saves over a student's conflict with a reason where the district allows it, never over a double booking", async () => {
    const [first, second] = (await newStaff(2)) as [string, string];
    const [student] = await inDistrict((tx) =>
      tx.execute(
        sql`select s.id from intervention.students s
             where s.school_id = ${schoolId} and not exists (
               select 1 from intervention.intervention_enrollments e where e.student_id = s.id)
             limit 1`,
      ),
    );
    const studentId = student?.id as string;
    const reading = plan({ facilitatorIds: [first], studentIds: [studentId] });
    await createIntervention(ctx(), reading);
    const math = {
      ...reading,
      name: `Math ${randomUUID().slice(0, 6)}`,
      facilitatorIds: [second],
      override: { reason: "Parents asked for both; reading moves next month." },
    };

    const refusedFirst = await refusal(createIntervention(ctx(), math));
    expect((refusedFirst as ScheduleConflictError).extensions).toMatchObject({
      overrideAllowed: false,
    });

    await inDistrict((tx) => setDistrictSetting(tx, johnson.tenantId, "scheduleOverride", true));
    const saved = await createIntervention(ctx(), math);
    const [audit] = await inDistrict((tx) =>
      tx
        .select({ reason: auditLog.reason, after: auditLog.after })
        .from(auditLog)
        .where(
          and(
            eq(auditLog.action, "schedule.conflicts_overridden"),
            eq(auditLog.entityId, saved.body.id),
          ),
        ),
    );
    expect(audit?.reason).toBe("Parents asked for both; reading moves next month.");
    expect(JSON.stringify(audit?.after)).toContain("student_in_intervention");

    // The same facilitator at the same time is a double booking: no reason saves it.
    const doubleBooked = { ...math, name: "Double", facilitatorIds: [first], studentIds: [] };
    const error = await refusal(createIntervention(ctx(), doubleBooked));
    expect(error).toBeInstanceOf(ScheduleConflictError);
    expect((error as ScheduleConflictError).extensions.overrideAllowed).toBe(false);
  });

  it("plans the sessions still to come again when the schedule changes, never a held one, and checks the new room", async () => {
    const [first, second] = (await newStaff(2)) as [string, string];
    const group = await createIntervention(ctx(), plan({ facilitatorIds: [first] }));
    const sessionsOf = () =>
      inDistrict((tx) =>
        tx
          .select({
            id: interventionSessions.id,
            date: interventionSessions.sessionDate,
            status: interventionSessions.status,
            sequence: interventionSessions.sequence,
          })
          .from(interventionSessions)
          .where(eq(interventionSessions.interventionId, group.body.id))
          .orderBy(interventionSessions.sequence),
      );
    const [held] = await sessionsOf();
    if (!held) throw new Error("no sessions");
    await inDistrict((tx) =>
      tx
        .update(interventionSessions)
        .set({ status: "held" })
        .where(eq(interventionSessions.id, held.id)),
    );

    const moved = await updateIntervention(
      ctx(),
      group.body.id,
      updateInterventionSchema.parse({
        schedule: { days: ["TU", "TH"], startTime: "13:00", minutes: 30 },
      }),
      group.body.version,
    );
    expect(moved.frequency).toBe("Twice per week, 30 minutes");
    const after = await sessionsOf();
    expect(after[0]).toEqual(held && { ...held, status: "held" });
    // Two weeks of Tuesdays and Thursdays from the start, numbered after the held one.
    expect(after.slice(1).map((s) => [s.sequence, s.status])).toEqual([
      [2, "scheduled"],
      [3, "scheduled"],
      [4, "scheduled"],
      [5, "scheduled"],
    ]);

    // Another group holds a room on Tuesdays and Thursdays at 13:00: moving in is refused.
    const roomId = await newRoom("Library");
    await createIntervention(
      ctx(),
      plan({
        facilitatorIds: [second],
        roomId,
        startDate: moved.startDate,
        schedule: { days: ["TU", "TH"], startTime: "13:00", minutes: 30 },
      }),
    );
    const error = await refusal(
      updateIntervention(
        ctx(),
        group.body.id,
        updateInterventionSchema.parse({ roomId }),
        moved.version,
      ),
    );
    expect(error).toBeInstanceOf(ScheduleConflictError);
    expect((error as ScheduleConflictError).extensions.conflicts[0]?.kind).toBe("room_booked");
  });

  it("keeps 10:00 at 10:00 across the week the clocks change", async () => {
    // US clocks go forward on the second Sunday of March: a plan from the Monday before it.
    const year = schoolYearOf(seedToday);
    const startDate = addDays(nthWeekday(year.startYear + 1, 3, "SU", 2), -6);
    const [facilitator] = (await newStaff(1)) as [string];
    const first = plan({ facilitatorIds: [facilitator], startDate });
    const created = await createIntervention(ctx(), first);
    const dates = await inDistrict((tx) =>
      tx
        .select({ date: interventionSessions.sessionDate })
        .from(interventionSessions)
        .where(eq(interventionSessions.interventionId, created.body.id))
        .orderBy(interventionSessions.sessionDate),
    );
    // The first week is before the change (spring break may follow; the series runs on).
    expect(dates[0]?.date).toBe(startDate);
    const check = await checkSchedule(ctx(), { ...first, name: "Same time" });
    // Every session, before and after the change, collides at 10:00 local and nowhere else.
    expect(check.conflicts.map((c) => [c.date, c.startTime, c.endTime])).toEqual(
      dates.map(({ date }) => [date, "10:00", "10:30"]),
    );
    const later = await checkSchedule(ctx(), {
      ...first,
      schedule: { ...first.schedule, startTime: "10:30" },
    });
    expect(later.conflicts).toEqual([]);
  });
});
