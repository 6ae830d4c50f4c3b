import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, lte } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import { setDistrictSetting } from "@/db/queries/districts";
import {
  interventionResources,
  interventionSessions,
  interventions,
  probeScores,
  resources,
  schools,
  students,
} from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { addDays } from "@/lib/domain/calendar/dates";
import { createInterventionSchema } from "@/lib/domain/interventions/schemas";
import type { Actor } from "@/lib/domain/policy";
import { DEMO_ACCOUNTS, loadDemoActor } from "@/scripts/seed/accounts";
import { contextOf } from "@/test/support/context";
import { rolledBack } from "@/test/support/demo-sessions";
import { newFacilitator } from "@/test/support/facilitators";
import { createIntervention } from "../interventions/create-intervention";
import { getEffectiveness } from "./get-effectiveness";

let app: DatabaseHandle;
let johnson: Actor;
let admin: Actor;
let threeStudents: string[];

/** Each student's probes: pre three times, then current; baseline = pre, latest = current. */
const OUTCOMES = [
  { pre: 10, current: 14 },
  { pre: 12, current: 15 },
  { pre: 14, current: 19 },
];

beforeAll(async () => {
  app = connect(inject("appUrl"), { max: 3 });
  johnson = await loadDemoActor(app.db, DEMO_ACCOUNTS.specialist);
  admin = await loadDemoActor(app.db, DEMO_ACCOUNTS.admin);
  threeStudents = await withTenant(app.db, { tenantId: johnson.tenantId }, async (tx) => {
    const rows = await tx
      .select({ id: students.id })
      .from(students)
      .innerJoin(
        schools,
        and(eq(schools.tenantId, students.tenantId), eq(schools.id, students.schoolId)),
      )
      .where(and(eq(schools.name, "Maple Grove Middle School"), inArray(students.grade, [7, 8])))
      .orderBy(asc(students.localId))
      .limit(3);
    return rows.map((r) => r.id);
  });
  expect(threeStudents).toHaveLength(3);
});

afterAll(async () => {
  await app?.close();
});

describe("the effectiveness report's cost in money", () => {
  it("prices the sessions held by the group's budget rules: staff, licence, consumable", () =>
    rolledBack(app, async (db) => {
      await withTenant(db, admin, (tx) =>
        setDistrictSetting(tx, admin.tenantId, "hourlyStaffCost", {
          specialist: 6000,
          teacher: 5000,
          paraprofessional: 3000,
          administrator: 8000,
        }),
      );
      const start = addDays(inject("seedToday"), -35);
      const created = await createIntervention(
        contextOf(db, johnson),
        createInterventionSchema.parse({
          name: `Costed group ${randomUUID().slice(0, 8)}`,
          tier: 2,
          focusArea: "Reading Fluency",
          startDate: start,
          durationWeeks: 8,
          schedule: { days: ["MO", "WE", "FR"], startTime: "14:15", minutes: 30 },
          facilitatorIds: [await newFacilitator(db, johnson.tenantId)],
          studentIds: threeStudents,
        }),
      );
      const groupId = created.body.id;
      await withTenant(db, johnson, async (tx) => {
        await tx
          .update(interventions)
          .set({
            measureName: "Words correct per minute",
            measureUnit: "wcpm",
            measureDirection: "higher",
            goalValue: 40,
          })
          .where(eq(interventions.id, groupId));
        const [licence, cards] = await tx
          .insert(resources)
          .values([
            {
              tenantId: johnson.tenantId,
              kind: "curriculum",
              name: `Test licence ${randomUUID().slice(0, 8)}`,
              quantity: 30,
              costModel: "licence",
              licenceCentsPerStudentYear: 9000,
            },
            {
              tenantId: johnson.tenantId,
              kind: "material",
              name: `Test cards ${randomUUID().slice(0, 8)}`,
              quantity: 40,
              costModel: "consumable",
              perUseCents: 35,
            },
          ])
          .returning({ id: resources.id });
        await tx.insert(interventionResources).values([
          { tenantId: johnson.tenantId, interventionId: groupId, resourceId: licence!.id },
          {
            tenantId: johnson.tenantId,
            interventionId: groupId,
            resourceId: cards!.id,
            quantity: 2,
          },
        ]);
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
          threeStudents.flatMap((studentId, i) => {
            const { pre, current } = OUTCOMES[i]!;
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

      const figures = await getEffectiveness(contextOf(db, johnson), groupId);
      // Gain: (14 + 15 + 19) ÷ 3 − 12 = 4 points.
      expect(figures.change).toBe(4);
      expect(figures.staffHours).toBe(2);
      expect(figures.costPerPoint).toBe(0.5);
      // Staff: 4 sessions held × 30 minutes = 2 h × $50 (a facilitator with no title or account
      // is priced as a teacher) = $100. Licence: 3 students × $90 × 8/36 of the year = $60.
      // Consumable: 4 sessions × 2 uses × $0.35 = $2.80. Total $162.80; ÷ 3; ÷ 4 points.
      expect(figures.cost).toEqual({
        staff: 100,
        resources: 62.8,
        total: 162.8,
        perStudent: 54.27,
        perPoint: 40.7,
      });
    }));
});
