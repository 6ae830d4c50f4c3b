/**
 * The demo's time facts (docs/domain.md, "Time facts"): Maple Grove's bell schedules (an A/B
 * rotation at the middle school), homerooms meeting in the "HR" period, lunch and core math
 * protected, the group facilitators' working hours in both districts, one absence and one
 * caseload cap. None of it collides with the seeded groups' times (09:00–09:45 daily,
 * 10:00–10:30 MWF, 10:30–11:00 MTuTh at Cedar Ridge, 11:15–11:55 TuTh, 11:15–11:45 MWF,
 * 13:00–13:25 MTuTh, 13:30–14:00 TuTh), and 14:00–17:00 holds nothing a test could collide with.
 */

import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import {
  bellPeriods,
  protectedBlocks,
  schools,
  sections,
  staff,
  staffAbsences,
  staffWorkingHours,
} from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { addDays, type LocalDate, weekdayOf } from "@/lib/domain/calendar/dates";
import { DEMO_DISTRICTS } from "./accounts";
import type { DistrictPlan } from "./district-plan";
import { insertAll } from "./insert-all";

type Period = readonly [label: string, start: string, end: string];

/** The elementary day: homeroom, then periods to 14:00. */
const ELEMENTARY: readonly Period[] = [
  ["HR", "07:45", "08:00"],
  ["1", "08:00", "08:55"],
  ["2", "09:00", "09:55"],
  ["3", "10:00", "10:55"],
  ["4", "11:00", "11:30"],
  ["Lunch", "11:30", "12:10"],
  ["5", "12:15", "12:55"],
  ["6", "13:00", "14:00"],
];

/** The middle school: homeroom every day, periods 1–4 on A days and 5–8 on B days. */
const MIDDLE_EVERY_DAY: readonly Period[] = [
  ["HR", "07:45", "08:00"],
  ["Lunch", "12:00", "12:30"],
];
const MIDDLE_BY_DAY: Record<"A" | "B", readonly Period[]> = {
  A: [
    ["1", "08:00", "09:25"],
    ["2", "09:30", "10:55"],
    ["3", "11:00", "12:00"],
    ["4", "12:30", "14:00"],
  ],
  B: [
    ["5", "08:00", "09:25"],
    ["6", "09:30", "10:55"],
    ["7", "11:00", "12:00"],
    ["8", "12:30", "14:00"],
  ],
};

const SCHOOL_DAYS = ["MO", "TU", "WE", "TH", "FR"];

/** The first Friday after `today`: a day the absent facilitator's group never meets. */
function nextFriday(today: LocalDate): LocalDate {
  let day = addDays(today, 1);
  while (weekdayOf(day) !== "FR") day = addDays(day, 1);
  return day;
}

export async function writeTimeFacts(
  db: Database,
  plan: DistrictPlan,
  today: LocalDate,
  firstDay: LocalDate,
): Promise<void> {
  const { tenantId } = plan;
  const facilitatorIds = [...new Set(plan.groups.flatMap((g) => g.input.facilitatorIds))];
  await withTenant(db, { tenantId }, async (tx) => {
    // Working hours that cover every seeded session and the afternoon tests schedule in.
    await insertAll(
      tx,
      staffWorkingHours,
      facilitatorIds.flatMap((staffId) =>
        SCHOOL_DAYS.map((weekday) => ({
          tenantId,
          staffId,
          weekday,
          startTime: "07:30",
          endTime: "17:00",
        })),
      ),
    );
    if (plan.slug !== DEMO_DISTRICTS.mapleGrove.slug) return;

    const schoolId = (code: string) => plan.schools.find((s) => s.code === code)?.id as string;
    const mge = schoolId("MGE");
    const ohe = schoolId("OHE");
    const mgms = schoolId("MGMS");
    await tx
      .update(schools)
      .set({ dayRotation: ["A", "B"], rotationStartsOn: firstDay })
      .where(and(eq(schools.tenantId, tenantId), eq(schools.id, mgms)));
    const periods = (school: string, dayType: string, list: readonly Period[]) =>
      list.map(([label, startTime, endTime]) => ({
        tenantId,
        schoolId: school,
        dayType,
        label,
        startTime,
        endTime,
      }));
    await insertAll(tx, bellPeriods, [
      ...periods(mge, "", ELEMENTARY),
      ...periods(ohe, "", ELEMENTARY),
      ...periods(mgms, "", MIDDLE_EVERY_DAY),
      ...periods(mgms, "A", MIDDLE_BY_DAY.A),
      ...periods(mgms, "B", MIDDLE_BY_DAY.B),
    ]);
    // Homerooms meet in the homeroom period, before any group.
    const homerooms = plan.sections.map((s) => s.id as string);
    if (homerooms.length > 0)
      await tx
        .update(sections)
        .set({ periods: ["HR"] })
        .where(and(eq(sections.tenantId, tenantId), inArray(sections.id, homerooms)));

    const block = (
      school: string,
      grade: number | null,
      kind: "lunch" | "core_math" | "core_ela",
      label: string,
      startTime: string,
      endTime: string,
    ) => ({
      tenantId,
      schoolId: school,
      grade,
      kind,
      label,
      days: SCHOOL_DAYS,
      startTime,
      endTime,
    });
    await insertAll(tx, protectedBlocks, [
      block(mge, null, "lunch", "Lunch", "11:30", "12:10"),
      block(ohe, null, "lunch", "Lunch", "11:30", "12:10"),
      block(mgms, null, "lunch", "Lunch", "12:00", "12:30"),
      block(mge, 3, "core_math", "Grade 3 math", "12:15", "12:55"),
      block(mge, 4, "core_math", "Grade 4 math", "12:15", "12:55"),
      block(ohe, 2, "core_ela", "Grade 2 reading block", "08:00", "08:55"),
    ]);

    const byLastName = (lastName: string) =>
      plan.staff.find((s) => s.lastName === lastName)?.id as string;
    // Ms. Okafor's multiplication group meets Tuesdays and Thursdays only.
    const friday = nextFriday(today);
    await tx.insert(staffAbsences).values({
      tenantId,
      staffId: byLastName("Okafor"),
      kind: "training",
      startsOn: friday,
      endsOn: friday,
      note: "District math training",
    });
    // Mr. Alvarez, the facilitator sign-in: room for a few more students than he has.
    const alvarez = byLastName("Alvarez");
    const his = new Set(
      plan.groups
        .filter((g) => g.input.facilitatorIds.includes(alvarez))
        .flatMap((g) => g.input.studentIds),
    );
    await tx
      .update(staff)
      .set({ caseloadCap: Math.max(10, his.size + 4) })
      .where(and(eq(staff.tenantId, tenantId), eq(staff.id, alvarez)));
  });
}
