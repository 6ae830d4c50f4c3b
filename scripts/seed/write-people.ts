/** Writes a planned district's people, rosters, calendar and screening results. */

import type { Database } from "@/db/client";
import {
  assessmentResults,
  assessments,
  districts,
  guardians,
  nonInstructionalDays,
  reportingPeriods,
  rooms,
  schools,
  schoolYears,
  sectionStudents,
  sections,
  staff,
  studentGuardians,
  students,
  users,
} from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { insertAll } from "./insert-all";
import type { DistrictPlan } from "./plan";

/** The district, its schools, people, rosters, calendar and screening results: one transaction. */
export async function writePeople(db: Database, plan: DistrictPlan): Promise<void> {
  await withTenant(db, { tenantId: plan.tenantId }, async (tx) => {
    await tx.insert(districts).values(plan.district);
    await insertAll(tx, schools, plan.schools);
    await insertAll(tx, rooms, plan.rooms);
    await insertAll(tx, nonInstructionalDays, plan.nonInstructionalDays);
    const years = await tx
      .insert(schoolYears)
      .values(plan.schoolYears)
      .returning({ id: schoolYears.id, label: schoolYears.label });
    await insertAll(
      tx,
      reportingPeriods,
      plan.reportingPeriods.map(({ yearLabel, ...period }) => ({
        tenantId: plan.tenantId,
        schoolYearId: years.find((y) => y.label === yearLabel)!.id,
        ...period,
      })),
    );
    await insertAll(tx, staff, plan.staff);
    await insertAll(tx, students, plan.students);
    await insertAll(tx, guardians, plan.guardians);
    await insertAll(tx, studentGuardians, plan.studentGuardians);
    await insertAll(tx, sections, plan.sections);
    await insertAll(tx, sectionStudents, plan.sectionStudents);
    await insertAll(tx, assessments, plan.assessments);
    await insertAll(tx, assessmentResults, plan.assessmentResults);
    await insertAll(tx, users, plan.users);
  });
}
