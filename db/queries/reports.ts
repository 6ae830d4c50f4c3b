import { and, asc, eq, or } from "drizzle-orm";
import type { Tx } from "../client";
import { schools, sections, staff } from "../schema";
import { tenantJoin } from "./tenant-join";

/** Schools of the district, for the report's filter. */
export async function schoolsOfDistrict(tx: Tx, tenantId: string) {
  return tx
    .select({
      id: schools.id,
      name: schools.name,
      lowestGrade: schools.lowestGrade,
      highestGrade: schools.highestGrade,
    })
    .from(schools)
    .where(eq(schools.tenantId, tenantId))
    .orderBy(asc(schools.name));
}

/**
 * Staff who teach a class section at one school, for the report's teacher filter, and the
 * teacher already chosen wherever they teach. Not the whole district's: a district of 500,000
 * students has some 20,000 teachers, a list nobody scrolls and the page's slowest part to build.
 */
export async function teacherChoices(
  tx: Tx,
  tenantId: string,
  of: { schoolId?: string; teacherId?: string },
) {
  const which = [
    of.schoolId ? eq(sections.schoolId, of.schoolId) : undefined,
    of.teacherId ? eq(staff.id, of.teacherId) : undefined,
  ].filter((condition) => condition !== undefined);
  if (which.length === 0) return [];
  return tx
    .selectDistinct({ id: staff.id, displayName: staff.displayName, lastName: staff.lastName })
    .from(staff)
    .innerJoin(sections, tenantJoin(sections.teacherId, staff.id))
    .where(and(eq(staff.tenantId, tenantId), eq(staff.active, true), or(...which)))
    .orderBy(asc(staff.lastName), asc(staff.displayName));
}
