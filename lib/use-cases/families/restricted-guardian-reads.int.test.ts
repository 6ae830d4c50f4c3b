import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import { studentGuardians } from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { NotFoundError } from "@/lib/domain/errors";
import { createInterventionSchema } from "@/lib/domain/interventions/schemas";
import type { Actor } from "@/lib/domain/policy";
import { contextOn, loadDemo, rejection } from "@/test/support/demo-sessions";
import { newFacilitator } from "@/test/support/facilitators";
import { newTestFamily, parentActor } from "@/test/support/families";
import { createIntervention } from "../interventions/create-intervention";
import { getIntervention } from "../interventions/get-intervention";
import { getStudentProgress } from "../progress/get-student-progress";

let app: DatabaseHandle;
let specialist: Actor;

beforeAll(async () => {
  app = connect(inject("appUrl"), { max: 2 });
  specialist = (await loadDemo(app)).actors.specialist;
});

afterAll(async () => {
  await app?.close();
});

/**
 * A contact restriction (issue 13, point 4) holds wherever a parent reads through the child:
 * the child's progress and the child's group are not there for the restricted guardian, while
 * the other guardian reads both.
 */
describe("a guardian restricted from a child", () => {
  it("reads neither the child's progress nor the child's group; the other guardian reads both", async () => {
    const family = await newTestFamily(app.db, specialist.tenantId, ["en", "en"]);
    const [kept, restricted] = family.guardians;
    if (!kept || !restricted) throw new Error("two guardians expected");
    const group = await createIntervention(
      contextOn(app.db, specialist),
      createInterventionSchema.parse({
        name: `Restricted reads ${randomUUID().slice(0, 6)} - Tier 2`,
        tier: 2,
        focusArea: "Reading Fluency",
        startDate: inject("seedToday"),
        durationWeeks: 4,
        schedule: { days: ["MO"], startTime: "16:40", minutes: 15 },
        facilitatorIds: [await newFacilitator(app.db, specialist.tenantId)],
        studentIds: [family.studentId],
      }),
    );
    await withTenant(app.db, specialist, (tx) =>
      tx
        .update(studentGuardians)
        .set({ contactRestricted: true, restrictionNote: "Court order" })
        .where(
          and(
            eq(studentGuardians.studentId, family.studentId),
            eq(studentGuardians.guardianId, restricted.id),
          ),
        ),
    );
    const as = (guardianId: string) => contextOn(app.db, parentActor(specialist, guardianId));

    expect((await getStudentProgress(as(kept.id), family.studentId)).student.id).toBe(
      family.studentId,
    );
    expect((await getIntervention(as(kept.id), group.body.id)).intervention.id).toBe(group.body.id);
    expect(await rejection(getStudentProgress(as(restricted.id), family.studentId))).toBeInstanceOf(
      NotFoundError,
    );
    expect(await rejection(getIntervention(as(restricted.id), group.body.id))).toBeInstanceOf(
      NotFoundError,
    );
  });
});
