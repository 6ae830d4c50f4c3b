import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import { bellPeriodsOf, schoolRotations } from "@/db/queries/scheduling/bell-schedule";
import { participantsOf } from "@/db/queries/scheduling/plan-facts";
import { scheduleTimeFacts } from "@/db/queries/scheduling/time-facts";
import { auditLog, bellPeriods, interventions, protectedBlocks, staff } from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import type { Weekday } from "@/lib/domain/calendar/dates";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { intervalsOverlap } from "@/lib/domain/scheduling/clock-time";
import { DEMO_ACCOUNTS, DEMO_GROUPS, loadDemoActor } from "@/scripts/seed/accounts";
import { contextOf } from "@/test/support/context";
import { addStaffAbsence } from "./add-staff-absence";
import { deleteBellPeriod } from "./delete-bell-period";
import { getScheduleSettings } from "./get-schedule-settings";
import { getStaffTime } from "./get-staff-time";
import { importBellSchedule } from "./import-bell-schedule";
import { checkPlan } from "./plan-conflicts";
import { removeStaffAbsence } from "./remove-staff-absence";
import { saveBellPeriod } from "./save-bell-period";
import { saveProtectedBlock } from "./save-protected-block";
import { setCaseloadCap } from "./set-caseload-cap";
import { setWorkingHours } from "./set-working-hours";

let app: DatabaseHandle;
let admin: Actor;
let specialist: Actor;
let cedarAdmin: Actor;

beforeAll(async () => {
  app = connect(inject("appUrl"), { max: 3 });
  admin = await loadDemoActor(app.db, DEMO_ACCOUNTS.admin);
  specialist = await loadDemoActor(app.db, DEMO_ACCOUNTS.specialist);
  cedarAdmin = await loadDemoActor(app.db, DEMO_ACCOUNTS.cedarAdmin);
});

afterAll(async () => {
  await app.close();
});

const csv = (name: string, text: string) => ({
  name,
  open: async function* () {
    yield new TextEncoder().encode(text);
  },
});

async function school(code: string) {
  const all = await withTenant(app.db, admin, (tx) => schoolRotations(tx, admin.tenantId));
  return all.find((s) => s.code === code)!;
}

describe("the seeded time facts", () => {
  it("never collide with a seeded group, and leave 14:00–17:00 free", async () => {
    const seeded: string[] = Object.values(DEMO_GROUPS);
    for (const actor of [admin, cedarAdmin]) {
      const { tenantId } = actor;
      await withTenant(app.db, actor, async (tx) => {
        const groups = (
          await tx.select().from(interventions).where(eq(interventions.tenantId, tenantId))
        ).filter((group) => seeded.includes(group.name));
        expect(groups.length).toBeGreaterThan(0);
        for (const group of groups) {
          // The seeded group checked as if it were planned again today: the conflict finder
          // over its classes, blocks, hours, absences and the other groups' bookings.
          const participants = await participantsOf(tx, tenantId, group.id);
          const check = await checkPlan(tx, tenantId, {
            ...participants,
            startDate: group.startDate,
            durationWeeks: group.durationWeeks,
            schedule: {
              days: group.scheduleDays as Weekday[],
              startTime: group.startTime,
              minutes: group.sessionMinutes,
            },
          });
          expect(check.conflicts, group.name).toEqual([]);
        }
        const afternoon = { start: "14:00", end: "17:00" };
        for (const row of await tx
          .select()
          .from(bellPeriods)
          .where(eq(bellPeriods.tenantId, tenantId)))
          expect(intervalsOverlap(afternoon, { start: row.startTime, end: row.endTime })).toBe(
            false,
          );
        for (const row of await tx
          .select()
          .from(protectedBlocks)
          .where(eq(protectedBlocks.tenantId, tenantId)))
          expect(intervalsOverlap(afternoon, { start: row.startTime, end: row.endTime })).toBe(
            false,
          );
      });
    }
  });

  it("give Maple Grove a bell schedule with an A/B middle school, blocks, hours, an absence, a cap", async () => {
    const settings = await getScheduleSettings(contextOf(app.db, specialist));
    expect(settings.canEdit).toBe(false);
    const mgms = settings.schools.find((s) => s.code === "MGMS")!;
    expect(mgms.dayRotation).toEqual(["A", "B"]);
    expect(mgms.rotationStartsOn).not.toBeNull();
    expect(mgms.bellPeriods.filter((p) => p.dayType === "A").map((p) => p.label)).toEqual([
      "1",
      "2",
      "3",
      "4",
    ]);
    const mge = settings.schools.find((s) => s.code === "MGE")!;
    expect(mge.protectedBlocks.map((b) => b.kind).sort()).toEqual([
      "core_math",
      "core_math",
      "lunch",
    ]);
    expect(mge.rooms.find((r) => r.name === "Room 104")?.capacity).toBe(8);
    const time = await getStaffTime(contextOf(app.db, admin));
    expect(time.canEdit).toBe(true);
    const alvarez = time.staff.find((s) => s.displayName === "Mr. Alvarez")!;
    expect(alvarez.caseloadCap).toBeGreaterThanOrEqual(10);
    expect(alvarez.workingHours).toHaveLength(5);
    expect(time.staff.find((s) => s.displayName === "Ms. Okafor")?.absences).toHaveLength(1);
  });
});

describe("importBellSchedule", () => {
  it("replaces the named schools' periods in one go and audits each school", async () => {
    const ohe = await school("OHE");
    const before = await withTenant(app.db, admin, (tx) =>
      bellPeriodsOf(tx, admin.tenantId, [ohe.id]),
    );
    const result = await importBellSchedule(
      contextOf(app.db, admin),
      csv(
        "oak-hill.csv",
        "school,period,startTime,endTime\r\nOak Hill Elementary,HR,7:50,08:00\r\nOHE,1,08:00,09:00\r\n",
      ),
    );
    expect(result).toMatchObject({
      ok: true,
      schools: [{ schoolId: ohe.id, before: before.length, after: 2 }],
    });
    const after = await withTenant(app.db, admin, (tx) =>
      bellPeriodsOf(tx, admin.tenantId, [ohe.id]),
    );
    expect(after.map((p) => [p.label, p.startTime, p.endTime])).toEqual([
      ["HR", "07:50", "08:00"],
      ["1", "08:00", "09:00"],
    ]);
    const audit = await withTenant(app.db, admin, (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "bell_schedule.imported"), eq(auditLog.entityId, ohe.id))),
    );
    expect(audit).toHaveLength(1);
    // Put the seeded schedule back for the tests that follow.
    const restore = [
      "school,dayType,period,startTime,endTime",
      ...before.map((p) => `OHE,${p.dayType},${p.label},${p.startTime},${p.endTime}`),
    ].join("\n");
    expect(
      (await importBellSchedule(contextOf(app.db, admin), csv("restore.csv", restore))).ok,
    ).toBe(true);
  });

  it("reports every bad row by file and line and writes nothing", async () => {
    const mgms = await school("MGMS");
    const before = await withTenant(app.db, admin, (tx) =>
      bellPeriodsOf(tx, admin.tenantId, [mgms.id]),
    );
    const result = await importBellSchedule(
      contextOf(app.db, admin),
      csv(
        "bad.csv",
        [
          "school,dayType,period,startTime,endTime",
          "MGMS,A,1,08:00,09:00",
          "MGMS,C,2,09:00,10:00",
          "Nowhere High,,1,08:00,09:00",
          "MGMS,A,1,10:00,11:00",
          "MGMS,B,5,11:00,10:00",
          "Valley View,,1,08:00,09:00",
        ].join("\n"),
      ),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.rejected.map((r) => `${r.file}:${r.line}`)).toEqual([
      "bad.csv:3",
      "bad.csv:4",
      "bad.csv:5",
      "bad.csv:6",
      "bad.csv:7",
    ]);
    expect(result.rejected[0]!.reason).toMatch(
      /not one of Maple Grove Middle School's rotation days/,
    );
    expect(result.rejected[1]!.reason).toMatch(/not a school of your district/);
    const after = await withTenant(app.db, admin, (tx) =>
      bellPeriodsOf(tx, admin.tenantId, [mgms.id]),
    );
    expect(after).toEqual(before);
  });

  it("refuses a file without the needed columns, and is for district admins only", async () => {
    const refused = await importBellSchedule(
      contextOf(app.db, admin),
      csv("roster.csv", "sourcedId,name\n1,x\n"),
    );
    expect(refused).toMatchObject({ ok: false, rejected: [{ line: 1 }] });
    await expect(
      importBellSchedule(contextOf(app.db, specialist), csv("x.csv", "school,period\n")),
    ).rejects.toThrow(ForbiddenError);
  });
});

describe("admin edits", () => {
  it("validate against the school, and answer not found for another district's rows", async () => {
    const mge = await school("MGE");
    const ctx = contextOf(app.db, admin);
    await expect(
      saveBellPeriod(ctx, {
        schoolId: mge.id,
        dayType: "A",
        label: "9",
        startTime: "14:00",
        endTime: "14:30",
      }),
    ).rejects.toThrow(ValidationError);
    await expect(
      saveBellPeriod(ctx, {
        schoolId: mge.id,
        dayType: "",
        label: "hr",
        startTime: "07:40",
        endTime: "08:00",
      }),
    ).rejects.toThrow(ValidationError);
    const created = await saveBellPeriod(ctx, {
      schoolId: mge.id,
      dayType: "",
      label: "Test",
      startTime: "15:00",
      endTime: "15:30",
    });
    const cedar = contextOf(app.db, cedarAdmin);
    await expect(deleteBellPeriod(cedar, created.id)).rejects.toThrow(NotFoundError);
    await expect(
      saveBellPeriod(cedar, { ...created, id: created.id, startTime: "15:00" }),
    ).rejects.toThrow(NotFoundError);
    await expect(
      saveProtectedBlock(cedar, {
        schoolId: mge.id,
        grade: null,
        kind: "win",
        label: "WIN",
        days: ["MO"],
        startTime: "15:00",
        endTime: "15:30",
      }),
    ).rejects.toThrow(NotFoundError);
    await deleteBellPeriod(ctx, created.id);

    const [okafor] = await withTenant(app.db, admin, (tx) =>
      tx.select().from(staff).where(eq(staff.lastName, "Okafor")),
    );
    await expect(setCaseloadCap(cedar, { staffId: okafor!.id, caseloadCap: 3 })).rejects.toThrow(
      NotFoundError,
    );
    await expect(setWorkingHours(cedar, { staffId: okafor!.id, days: [] })).rejects.toThrow(
      NotFoundError,
    );
    const absence = await addStaffAbsence(ctx, {
      staffId: okafor!.id,
      kind: "leave",
      startsOn: "2027-06-01",
      endsOn: "2027-06-02",
      startTime: "",
      endTime: "",
      note: "",
    });
    await expect(removeStaffAbsence(cedar, absence.id)).rejects.toThrow(NotFoundError);
    await expect(removeStaffAbsence(contextOf(app.db, specialist), absence.id)).rejects.toThrow(
      ForbiddenError,
    );
    await removeStaffAbsence(ctx, absence.id);
    const facts = await withTenant(app.db, admin, (tx) =>
      scheduleTimeFacts(tx, admin.tenantId, {
        staffIds: [okafor!.id],
        from: "2027-06-01",
        to: "2027-06-30",
      }),
    );
    expect(facts.staff[0]!.absences).toEqual([]);
  });
});
