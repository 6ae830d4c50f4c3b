import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type Database, type DatabaseHandle } from "@/db/client";
import {
  auditLog,
  interventionSessions,
  interventions,
  nonInstructionalDays,
  schools,
  students,
  tierChanges,
} from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { addDays, isWeekend, weekStartOf } from "@/lib/domain/calendar/dates";
import { closeSchoolYearSchema } from "@/lib/domain/calendar/school-years";
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnprocessableError,
} from "@/lib/domain/errors";
import { createInterventionSchema } from "@/lib/domain/interventions/schemas";
import type { Actor } from "@/lib/domain/policy";
import {
  contextOn,
  type Demo,
  loadDemo,
  rejection,
  rolledBack,
} from "@/test/support/demo-sessions";
import { newFacilitator } from "@/test/support/facilitators";
import { createIntervention } from "../interventions/create-intervention";
import { addSchoolYear } from "./add-school-year";
import { closeSchoolYear } from "./close-school-year";
import { listSchoolYears } from "./list-school-years";

let app: DatabaseHandle;
let demo: Demo;
let admin: Actor;

beforeAll(async () => {
  app = connect(inject("appUrl"), { max: 2 });
  demo = await loadDemo(app);
  admin = demo.actors.admin;
});

afterAll(async () => {
  await app?.close();
});

/** A Tier 3 student of the test's own, so the carried-over tier is found without guessing. */
async function newTier3Student(db: Database): Promise<string> {
  return withTenant(db, admin, async (tx) => {
    const [school] = await tx.select({ id: schools.id }).from(schools).limit(1);
    const [row] = await tx
      .insert(students)
      .values({
        tenantId: admin.tenantId,
        schoolId: school!.id,
        localId: `Y-${randomUUID().slice(0, 8)}`,
        firstName: "Rollover",
        lastName: "Student",
        grade: 3,
        currentTier: 3,
      })
      .returning({ id: students.id });
    return row!.id;
  });
}

/** A group of the test's own from three weeks before the year's last day, for six weeks. */
async function groupAcrossTheSummer(db: Database, lastDay: string, studentIds: string[]) {
  const facilitatorId = await newFacilitator(db, admin.tenantId);
  const created = await createIntervention(
    contextOn(db, admin),
    createInterventionSchema.parse({
      name: `Summer bridge ${randomUUID().slice(0, 6)} - Tier 3`,
      tier: 3,
      focusArea: "Reading Fluency",
      startDate: weekStartOf(addDays(lastDay, -21)),
      durationWeeks: 6,
      schedule: { days: ["MO", "WE"], startTime: "15:30", minutes: 30 },
      facilitatorIds: [facilitatorId],
      studentIds,
    }),
  );
  return created.body.id;
}

function sessionDates(db: Database, interventionId: string) {
  return withTenant(db, admin, async (tx) =>
    (
      await tx
        .select({ date: interventionSessions.sessionDate })
        .from(interventionSessions)
        .where(eq(interventionSessions.interventionId, interventionId))
        .orderBy(asc(interventionSessions.sessionDate))
    ).map((r) => r.date),
  );
}

describe("school years", () => {
  it("lists the seed's year and the next, and offers to close the first", async () => {
    const view = await listSchoolYears(contextOn(app.db, admin));
    expect(view.items).toHaveLength(2);
    const [current, next] = view.items;
    expect(current!.lastDay < next!.firstDay).toBe(true);
    expect(view.rollover?.year.id).toBe(current!.id);
    expect(view.rollover?.next?.id).toBe(next!.id);
    expect(view.rollover?.tieredStudents).toBeGreaterThan(0);
    expect(view.suggestedNext?.firstDay).toBe(addDays(next!.firstDay, 364));
  });

  it("is the district admin's, and each district sees only its own", async () => {
    for (const actor of [demo.actors.specialist, demo.actors.teacher, demo.actors.facilitator]) {
      expect(await rejection(listSchoolYears(contextOn(app.db, actor)))).toBeInstanceOf(
        ForbiddenError,
      );
    }
    const mine = await listSchoolYears(contextOn(app.db, admin));
    const theirs = await listSchoolYears(contextOn(app.db, demo.actors.cedarAdmin));
    const ids = new Set(mine.items.map((year) => year.id));
    expect(theirs.items.length).toBeGreaterThan(0);
    expect(theirs.items.some((year) => ids.has(year.id))).toBe(false);
    const closing = mine.rollover!.year.id;
    expect(
      await rejection(
        closeSchoolYear(contextOn(app.db, demo.actors.cedarAdmin), closing, { groups: [] }),
      ),
    ).toBeInstanceOf(NotFoundError);
  });

  it("refuses a year that overlaps another, and writes nothing", async () => {
    const { items } = await listSchoolYears(contextOn(app.db, admin));
    const next = items.at(-1)!;
    const refused = await rejection(
      addSchoolYear(contextOn(app.db, admin), {
        firstDay: addDays(next.lastDay, -10),
        lastDay: addDays(next.lastDay, 300),
      }),
    );
    expect(refused).toBeInstanceOf(ConflictError);
    expect((await listSchoolYears(contextOn(app.db, admin))).items).toHaveLength(2);
  });

  it("plans a series across the summer on the next year's first days", async () => {
    await rolledBack(app, async (db) => {
      const { items } = await listSchoolYears(contextOn(db, admin));
      const [current, next] = items;
      const id = await groupAcrossTheSummer(db, current!.lastDay, []);
      const dates = await sessionDates(db, id);
      expect(dates).toHaveLength(12);
      const inSummer = dates.filter((d) => d > current!.lastDay && d < next!.firstDay);
      expect(inSummer).toEqual([]);
      expect(dates.some((d) => d >= next!.firstDay)).toBe(true);
    });
  });
});

describe("the year-end rollover", () => {
  it("continues one group on the next year's calendar, ends another, carries the tiers over", async () => {
    await rolledBack(app, async (db) => {
      const ctx = contextOn(db, admin);
      const { items } = await listSchoolYears(ctx);
      const [current, next] = items;
      const lastDay = current!.lastDay;
      const student = await newTier3Student(db);
      const continuing = await groupAcrossTheSummer(db, lastDay, [student]);
      const ending = await groupAcrossTheSummer(db, lastDay, []);
      const before = await sessionDates(db, continuing);

      // Next year's calendar gains a holiday on its first day after the groups were planned.
      const firstMonday = before.find((d) => d >= next!.firstDay && !isWeekend(d))!;
      await withTenant(db, admin, (tx) =>
        tx
          .insert(nonInstructionalDays)
          .values({ tenantId: admin.tenantId, day: firstMonday, description: "Staff day" }),
      );

      // Every group meeting after the last day needs a choice; nothing is written without.
      const preview = await listSchoolYears(ctx);
      const late = preview.rollover!.groups.map((g) => g.id);
      expect(late).toEqual(expect.arrayContaining([continuing, ending]));
      const missing = await rejection(
        closeSchoolYear(
          ctx,
          current!.id,
          closeSchoolYearSchema.parse({
            groups: [{ interventionId: continuing, outcome: "continue" }],
          }),
        ),
      );
      expect(missing).toBeInstanceOf(UnprocessableError);
      expect((missing as UnprocessableError).errors.map((e) => e.path)).toContain(
        `groups.${ending}`,
      );

      const choices = late.map((interventionId) => ({
        interventionId,
        outcome: interventionId === ending ? ("end" as const) : ("continue" as const),
      }));
      const result = await closeSchoolYear(ctx, current!.id, { groups: choices });
      expect(result).toMatchObject({
        year: { id: current!.id, status: "closed" },
        next: { id: next!.id },
        continued: late.length - 1,
        ended: 1,
      });
      expect(result.tiersCarriedOver).toBe(preview.rollover!.tieredStudents);

      // The continuing group: as many sessions as before, none in the summer or on the new holiday.
      const after = await sessionDates(db, continuing);
      expect(after).toHaveLength(before.length);
      expect(after.filter((d) => d > lastDay && d < next!.firstDay)).toEqual([]);
      expect(after).not.toContain(firstMonday);
      const [group] = await withTenant(db, admin, (tx) =>
        tx.select().from(interventions).where(eq(interventions.id, continuing)),
      );
      expect(group!.endDate).toBe(after.at(-1));

      // The ending group stops on the last day.
      expect((await sessionDates(db, ending)).every((d) => d <= lastDay)).toBe(true);
      const [ended] = await withTenant(db, admin, (tx) =>
        tx.select().from(interventions).where(eq(interventions.id, ending)),
      );
      expect(ended!.endDate <= lastDay).toBe(true);

      // The student keeps Tier 3 with a decision that says what became of the group.
      const decisions = await withTenant(db, admin, (tx) =>
        tx
          .select()
          .from(tierChanges)
          .where(and(eq(tierChanges.studentId, student), eq(tierChanges.decision, "carry-over"))),
      );
      expect(decisions).toHaveLength(1);
      expect(decisions[0]).toMatchObject({ fromTier: 3, toTier: 3 });
      expect(decisions[0]!.justification).toContain(`into ${next!.label}`);
      expect(decisions[0]!.justification).toMatch(/Summer bridge .* continues/);

      const [audit] = await withTenant(db, admin, (tx) =>
        tx.select().from(auditLog).where(eq(auditLog.entityId, current!.id)),
      );
      expect(audit?.action).toBe("school_year.closed");

      // Once, and in order: the year is closed; the next has no successor to continue into.
      expect(await rejection(closeSchoolYear(ctx, current!.id, { groups: [] }))).toBeInstanceOf(
        ConflictError,
      );
      expect(await rejection(closeSchoolYear(ctx, next!.id, { groups: [] }))).toBeInstanceOf(
        UnprocessableError,
      );
    });
  });

  it("refuses to close a later year before an earlier one", async () => {
    const ctx = contextOn(app.db, admin);
    const { items } = await listSchoolYears(ctx);
    expect(await rejection(closeSchoolYear(ctx, items[1]!.id, { groups: [] }))).toBeInstanceOf(
      ConflictError,
    );
  });
});
