import { and, eq, or, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import {
  effectivenessSummaries,
  interventionEnrollments,
  interventionFacilitators,
  interventionSessions,
  interventions,
} from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError, UnprocessableError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import {
  DISTRICT_CSV_HEADER,
  districtCsv,
  districtQuerySchema,
} from "@/lib/domain/reports/district-effectiveness";
import {
  contextOn,
  type Demo,
  loadDemo,
  rejection,
  rolledBack,
} from "@/test/support/demo-sessions";
import { caseload } from "../progress/caseload";
import { EFFECTIVENESS_WRITES } from "../progress/effectiveness-summary-writes";
import { getEffectiveness } from "../progress/get-effectiveness";
import { districtEffectiveness } from "./district-effectiveness";

let app: DatabaseHandle;
let demo: Demo;

beforeAll(async () => {
  app = connect(inject("appUrl"), { max: 2 });
  demo = await loadDemo(app);
});

afterAll(async () => {
  await app?.close();
});

const everything = districtQuerySchema.parse({});

/** The district's active groups, read directly. */
function activeGroupIds(actor: Actor) {
  return withTenant(app.db, actor, async (tx) =>
    (
      await tx
        .select({ id: interventions.id })
        .from(interventions)
        .where(and(eq(interventions.tenantId, actor.tenantId), eq(interventions.status, "active")))
    )
      .map((r) => r.id)
      .sort(),
  );
}

describe("the district view", () => {
  it("shows a district admin every active group of their district and none of another", async () => {
    const { admin, cedarAdmin } = demo.actors;
    const view = await districtEffectiveness(contextOn(app.db, admin), everything);
    const ids = view.rows.map((r) => r.id).sort();
    expect(ids).toEqual(await activeGroupIds(admin));
    expect(ids.length).toBeGreaterThan(1);
    const cedar = await districtEffectiveness(contextOn(app.db, cedarAdmin), everything);
    expect(cedar.rows.length).toBeGreaterThan(0);
    expect(cedar.rows.map((r) => r.id).sort()).toEqual(await activeGroupIds(cedarAdmin));
    expect(cedar.rows.some((r) => ids.includes(r.id))).toBe(false);
  });

  it("refuses facilitators, teachers and specialists", async () => {
    for (const actor of [demo.actors.facilitator, demo.actors.teacher, demo.actors.specialist]) {
      expect(
        await rejection(districtEffectiveness(contextOn(app.db, actor), everything)),
      ).toBeInstanceOf(ForbiddenError);
    }
  });

  it("agrees with each group's own dashboard, and says why where a figure is missing", async () => {
    const ctx = contextOn(app.db, demo.actors.admin);
    const view = await districtEffectiveness(ctx, everything);
    for (const row of view.rows) {
      const own = await getEffectiveness(ctx, row.id).catch((error: unknown) => {
        if (error instanceof UnprocessableError) return null;
        throw error;
      });
      if (own === null) {
        expect(row.goal).toBeNull();
        expect(row.progressing).toBeNull();
        expect(row.why.progressing).toMatch(/No measure and goal/);
        continue;
      }
      expect(row.fidelity).toBe(own.fidelity);
      expect(row.projectedEndAverage).toBe(own.projectedEndAverage);
      expect(row.progressing?.rate ?? null).toBe(
        row.progressing === null ? null : own.studentsProgressing.rate,
      );
      if (row.progressing === null) expect(row.why.progressing).toBeTruthy();
      // An admin sees pay rates: cost is money, the group's budget over its sessions held.
      expect(row.costUnit).toBe("dollars");
      expect(own.cost).not.toBeNull();
      expect(row.costPerStudent).toBe(own.cost?.perStudent ?? null);
      if (row.costPerPoint === null) expect(row.why.costPerPoint).toBeTruthy();
      else expect(row.costPerPoint).toBe(own.cost?.perPoint);
    }
  });

  it("filters by school, focus area and facilitator, and sorts by % progressing", async () => {
    const ctx = contextOn(app.db, demo.actors.admin);
    const all = await districtEffectiveness(ctx, everything);
    const school = all.choices.schools[0]!;
    const bySchool = await districtEffectiveness(
      ctx,
      districtQuerySchema.parse({ schoolId: school.id }),
    );
    expect(bySchool.rows.length).toBeGreaterThan(0);
    expect(bySchool.rows.every((r) => r.schoolId === school.id)).toBe(true);
    expect(bySchool.rows.length).toBe(all.rows.filter((r) => r.schoolId === school.id).length);

    const focus = all.choices.focusAreas[0]!;
    const byFocus = await districtEffectiveness(
      ctx,
      districtQuerySchema.parse({ focusArea: focus }),
    );
    expect(byFocus.rows.every((r) => r.focusArea === focus)).toBe(true);

    const facilitator = all.choices.facilitators[0]!;
    const byFacilitator = await districtEffectiveness(
      ctx,
      districtQuerySchema.parse({ facilitatorId: facilitator.id }),
    );
    expect(byFacilitator.rows.length).toBeGreaterThan(0);
    expect(
      byFacilitator.rows.every((r) => r.facilitators.some((f) => f.id === facilitator.id)),
    ).toBe(true);

    const sorted = await districtEffectiveness(
      ctx,
      districtQuerySchema.parse({ sort: "progressing", direction: "desc" }),
    );
    const rates = sorted.rows.map((r) => r.progressing?.rate ?? null);
    const known = rates.filter((r) => r !== null);
    expect(known).toEqual([...known].sort((a, b) => b - a));
    expect(rates.slice(known.length).every((r) => r === null)).toBe(true);
  });

  it("reads the stored summaries, equal to the figures computed afresh, also after each kind of write", () =>
    rolledBack(app, async (db) => {
      const ctx = contextOn(db, demo.actors.admin);
      const first = await districtEffectiveness(ctx, everything);
      expect(await districtEffectiveness(ctx, everything)).toEqual(first);
      // Every summary made stale: the view computes every row again, and must not differ.
      const forget = () =>
        withTenant(db, demo.actors.admin, (tx) =>
          tx.update(effectivenessSummaries).set({ computedVersion: null }),
        );
      await forget();
      expect(await districtEffectiveness(ctx, everything)).toEqual(first);

      // A group with a goal and a session held by the pinned day (the writes change its marks).
      const held = await withTenant(db, demo.actors.admin, (tx) =>
        tx
          .selectDistinct({ id: interventionSessions.interventionId })
          .from(interventionSessions)
          .where(eq(interventionSessions.status, "held")),
      );
      const withHeld = new Set(held.map((row) => row.id));
      const groupId = first.rows.find((r) => r.goal !== null && withHeld.has(r.id))!.id;
      const [enrolled] = await withTenant(db, demo.actors.admin, (tx) =>
        tx
          .select({ studentId: interventionEnrollments.studentId })
          .from(interventionEnrollments)
          .where(eq(interventionEnrollments.interventionId, groupId))
          .limit(1),
      );
      const fixture = {
        tenantId: demo.actors.admin.tenantId,
        groupId,
        studentId: enrolled!.studentId,
        today: inject("seedToday"),
      };
      // After each kind of write the table read from the summaries is the one computed afresh.
      for (const [kind, write] of EFFECTIVENESS_WRITES) {
        await withTenant(db, demo.actors.admin, (tx) => write(tx, fixture));
        const after = await districtEffectiveness(ctx, everything);
        await forget();
        expect(await districtEffectiveness(ctx, everything), kind).toEqual(after);
      }
    }));

  it("exports a CSV with the header and one line per group", async () => {
    const view = await districtEffectiveness(contextOn(app.db, demo.actors.admin), everything);
    const lines = districtCsv(view.rows).trimEnd().split("\r\n");
    expect(lines[0]).toBe(DISTRICT_CSV_HEADER.join(","));
    expect(lines).toHaveLength(view.rows.length + 1);
    for (const row of view.rows) {
      expect(lines.some((line) => line.startsWith(row.name))).toBe(true);
    }
  });
});

describe("the caseload", () => {
  it("holds exactly the students now enrolled in the specialist's active groups", async () => {
    const { specialist } = demo.actors;
    const view = await caseload(contextOn(app.db, specialist));
    const expected = await withTenant(app.db, specialist, async (tx) =>
      tx
        .select({
          studentId: interventionEnrollments.studentId,
          interventionId: interventionEnrollments.interventionId,
        })
        .from(interventionEnrollments)
        .innerJoin(
          interventions,
          and(
            eq(interventions.tenantId, interventionEnrollments.tenantId),
            eq(interventions.id, interventionEnrollments.interventionId),
          ),
        )
        .where(
          and(
            eq(interventionEnrollments.tenantId, specialist.tenantId),
            eq(interventionEnrollments.isActive, true),
            eq(interventions.status, "active"),
            or(
              eq(interventions.createdBy, specialist.userId),
              sql`exists (select 1 from ${interventionFacilitators} f
                where f.tenant_id = ${interventions.tenantId} and f.intervention_id = ${interventions.id}
                  and f.staff_id = ${specialist.staffId})`,
            ),
          ),
        ),
    );
    const key = (r: { studentId: string; interventionId: string }) =>
      `${r.studentId}|${r.interventionId}`;
    expect(
      view.rows.map((r) => key({ studentId: r.studentId, interventionId: r.group.id })).sort(),
    ).toEqual(expected.map(key).sort());
    expect(view.rows.length).toBeGreaterThan(0);

    const emma = view.rows.find((r) => r.studentId === demo.student.Emma);
    expect(emma?.group.id).toBe(demo.phonicsId);
    expect(emma?.nextDecision.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const row of view.rows) {
      if (row.chance === null) {
        expect(row.band).toBe("not-enough-data");
        expect(row.chanceNote).toBeTruthy();
      }
    }
  });

  it("holds none of another district's students, and refuses teachers and facilitators", async () => {
    const mine = await caseload(contextOn(app.db, demo.actors.specialist));
    const theirs = await caseload(contextOn(app.db, demo.actors.cedarSpecialist));
    const ids = new Set(mine.rows.map((r) => r.studentId));
    expect(theirs.rows.some((r) => ids.has(r.studentId))).toBe(false);
    for (const actor of [demo.actors.teacher, demo.actors.facilitator]) {
      expect(await rejection(caseload(contextOn(app.db, actor)))).toBeInstanceOf(ForbiddenError);
    }
  });
});
