import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, lte } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type Database, type DatabaseHandle } from "@/db/client";
import { setDistrictSetting } from "@/db/queries/districts";
import {
  exitReviews,
  interventionEnrollments,
  interventionSessions,
  probeScores,
  schools,
  students,
} from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { now } from "@/lib/clock";
import { addDays } from "@/lib/domain/calendar/dates";
import { NotFoundError } from "@/lib/domain/errors";
import { createInterventionSchema } from "@/lib/domain/interventions/schemas";
import type { Actor } from "@/lib/domain/policy";
import { roundTo } from "@/lib/domain/progress/format";
import { hedgesG } from "@/lib/domain/templates/effect-size";
import { createTemplateSchema } from "@/lib/domain/templates/schemas";
import { DEMO_ACCOUNTS, loadDemoActor } from "@/scripts/seed/accounts";
import { contextOf } from "@/test/support/context";
import { rejection, rolledBack } from "@/test/support/demo-sessions";
import { newFacilitator } from "@/test/support/facilitators";
import { createIntervention } from "../interventions/create-intervention";
import { getTemplateStats, listTemplateRecords } from "./template-record";
import { createTemplate } from "./templates";

let app: DatabaseHandle;
let johnson: Actor;
let admin: Actor;
let cedarSpecialist: Actor;
let cedarAdmin: Actor;
let sixStudents: string[];

/*
 * Known outcomes: each student has four weekly probes, pre, pre, pre, current, so the baseline
 * (median of the first three) is `pre`, the latest is `current`, and the trend slope is
 * 0.3 × (current − pre) a week (least squares over weeks 0–3: 1.5 × change ÷ 5).
 */
const OUTCOMES = [
  { pre: 10, current: 14 },
  { pre: 12, current: 15 },
  { pre: 14, current: 19 },
  { pre: 16, current: 20 },
  { pre: 18, current: 22 },
  { pre: 20, current: 20 }, // no growth: not responding
];

beforeAll(async () => {
  app = connect(inject("appUrl"), { max: 3 });
  johnson = await loadDemoActor(app.db, DEMO_ACCOUNTS.specialist);
  admin = await loadDemoActor(app.db, DEMO_ACCOUNTS.admin);
  cedarSpecialist = await loadDemoActor(app.db, DEMO_ACCOUNTS.cedarSpecialist);
  cedarAdmin = await loadDemoActor(app.db, DEMO_ACCOUNTS.cedarAdmin);
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
});

afterAll(async () => {
  await app?.close();
});

/**
 * A district template measured in words correct per minute, two groups started from it five
 * weeks ago with three students each and four sessions held, and the probes of OUTCOMES.
 */
async function templateWithOutcomes(db: Database) {
  const template = await createTemplate(
    contextOf(db, admin),
    createTemplateSchema.parse({
      name: `Record template ${randomUUID().slice(0, 8)}`,
      tier: 2,
      focusArea: "Reading Fluency",
      durationWeeks: 8,
      daysPerWeek: 3,
      sessionMinutes: 30,
      measure: { name: "Words correct per minute", unit: "wcpm", direction: "higher" },
      goalValue: 40,
    }),
  );
  await withTenant(db, admin, (tx) =>
    setDistrictSetting(tx, admin.tenantId, "hourlyStaffCost", {
      specialist: 6000,
      teacher: 5000,
      paraprofessional: 3000,
      administrator: 8000,
    }),
  );
  const start = addDays(inject("seedToday"), -35);
  const groupIds: string[] = [];
  for (const [index, studentIds] of [sixStudents.slice(0, 3), sixStudents.slice(3)].entries()) {
    const created = await createIntervention(
      contextOf(db, johnson),
      createInterventionSchema.parse({
        name: `Record group ${index} ${randomUUID().slice(0, 8)}`,
        tier: 2,
        focusArea: "Reading Fluency",
        startDate: start,
        durationWeeks: 8,
        // 12:30, after the middle school's lunch: an hour the create tests never give these
        // students, whichever day the clock is pinned to.
        schedule: { days: ["MO", "WE", "FR"], startTime: "12:30", minutes: 30 },
        facilitatorIds: [await newFacilitator(db, johnson.tenantId)],
        studentIds,
        templateId: template.id,
      }),
    );
    const groupId = created.body.id;
    groupIds.push(groupId);
    await withTenant(db, johnson, async (tx) => {
      const past = await tx
        .select({ id: interventionSessions.id })
        .from(interventionSessions)
        .where(
          and(
            eq(interventionSessions.interventionId, groupId),
            lte(interventionSessions.sessionDate, addDays(start, 14)),
          ),
        )
        .orderBy(asc(interventionSessions.sequence))
        .limit(4);
      expect(past).toHaveLength(4);
      await tx
        .update(interventionSessions)
        .set({ status: "held" })
        .where(
          inArray(
            interventionSessions.id,
            past.map((s) => s.id),
          ),
        );
      await tx.insert(probeScores).values(
        studentIds.flatMap((studentId, i) => {
          const { pre, current } = OUTCOMES[index * 3 + i]!;
          return [pre, pre, pre, current].map((value, week) => ({
            tenantId: johnson.tenantId,
            interventionId: groupId,
            studentId,
            scoreDate: addDays(start, 7 * week),
            value,
            recordedBy: johnson.userId,
          }));
        }),
      );
    });
  }
  return Object.assign(template, { groupIds });
}

describe("a template's record", () => {
  it("pools the groups started from it: students, responders, growth, effect size, hours", () =>
    rolledBack(app, async (db) => {
      const template = await templateWithOutcomes(db);
      const stats = await getTemplateStats(contextOf(db, johnson), template.id);
      const expected = hedgesG(OUTCOMES);
      if (!expected) throw new Error("The fixture has an effect size");
      expect(stats).toMatchObject({
        templateId: template.id,
        measure: { name: "Words correct per minute", unit: "wcpm" },
        minStudentsToRank: 10,
        rank: null,
        notRankedBecause: "too-few-students",
      });
      expect(stats.record).toMatchObject({
        groupsRun: 2,
        studentsServed: 6,
        responding: { count: 5, total: 6, rate: 0.83 },
        // Slopes 1.2, 0.9, 1.5, 1.2, 1.2, 0: the median is 1.2, against a typical 1.0 a week.
        medianWeeklyGrowth: 1.2,
        studentsWithGrowth: 6,
        typicalWeeklyGrowth: 1,
        growthAgainstTypical: 1.2,
        studentsWithScores: 6,
        // (4 + 3 + 5 + 4 + 4 + 0) ÷ 6
        meanGain: 3.3,
        exitsRecorded: true,
        studentsExited: 0,
        exitRate: 0,
        // 2 groups × 4 sessions × 30 minutes × 1 facilitator = 4 hours; ÷ 6; ÷ 10/3 points.
        staffHours: 4,
        staffHoursPerStudent: 0.7,
        staffHoursPerPoint: 0.2,
        // The facilitators have no title or account: teachers, at the district's $50 an hour.
        cost: 200,
        costPerStudent: 33.33,
        costPerPoint: 10,
      });
      expect(stats.record.effectSize).toMatchObject({
        n: 6,
        df: 10,
        g: roundTo(expected.g, 2),
        low: roundTo(expected.low, 2),
        high: roundTo(expected.high, 2),
      });
    }));

  it("gives the exit rate: students whose exit review was approved, of students served", () =>
    rolledBack(app, async (db) => {
      const template = await templateWithOutcomes(db);
      await withTenant(db, johnson, async (tx) => {
        const enrolled = await tx
          .select({
            id: interventionEnrollments.id,
            interventionId: interventionEnrollments.interventionId,
            studentId: interventionEnrollments.studentId,
          })
          .from(interventionEnrollments)
          .where(inArray(interventionEnrollments.interventionId, template.groupIds))
          .orderBy(asc(interventionEnrollments.studentId));
        expect(enrolled).toHaveLength(6);
        const review = (e: (typeof enrolled)[number], status: "approved" | "declined") => ({
          tenantId: johnson.tenantId,
          enrollmentId: e.id,
          interventionId: e.interventionId,
          studentId: e.studentId,
          status,
          criteria: {},
          eligibleOn: inject("seedToday"),
          evaluatedAt: now(),
        });
        // Two approved, one declined: only the approved count.
        await tx
          .insert(exitReviews)
          .values([review(enrolled[0]!, "approved"), review(enrolled[3]!, "approved")]);
        await tx.insert(exitReviews).values(review(enrolled[5]!, "declined"));
      });
      const stats = await getTemplateStats(contextOf(db, johnson), template.id);
      expect(stats.record).toMatchObject({
        studentsServed: 6,
        studentsExited: 2,
        exitRate: 0.33,
      });
    }));

  it("ranks the template once the district's minimum of students is reached", () =>
    rolledBack(app, async (db) => {
      const template = await templateWithOutcomes(db);
      await withTenant(db, admin, (tx) =>
        setDistrictSetting(tx, admin.tenantId, "templateRankMinStudents", 6),
      );
      const stats = await getTemplateStats(contextOf(db, johnson), template.id);
      expect(stats.minStudentsToRank).toBe(6);
      expect(stats.rank).toBeGreaterThanOrEqual(1);
      expect(stats.notRankedBecause).toBeNull();
      const picker = await listTemplateRecords(contextOf(db, johnson));
      expect(picker.minStudentsToRank).toBe(6);
      const place = picker.items.findIndex((item) => item.templateId === template.id);
      expect(picker.items[place]?.rank).toBe(stats.rank);
      // Ranked templates come first, in order.
      const ranks = picker.items.map((item) => item.rank);
      const ranked = ranks.filter((rank) => rank !== null);
      expect(ranks.slice(0, ranked.length)).toEqual(ranked.map((_, i) => i + 1));
    }));

  it("is never seen by another district", () =>
    rolledBack(app, async (db) => {
      const template = await templateWithOutcomes(db);
      for (const outsider of [cedarSpecialist, cedarAdmin]) {
        expect(
          await rejection(getTemplateStats(contextOf(db, outsider), template.id)),
        ).toBeInstanceOf(NotFoundError);
        const theirs = await listTemplateRecords(contextOf(db, outsider));
        expect(theirs.items.map((item) => item.templateId)).not.toContain(template.id);
      }
    }));
});
