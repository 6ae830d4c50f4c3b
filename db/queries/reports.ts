import { and, asc, eq } from "drizzle-orm";
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

/** Staff who teach a class section, for the report's teacher filter. */
export async function teachersOfDistrict(tx: Tx, tenantId: string) {
  return tx
    .selectDistinct({ id: staff.id, displayName: staff.displayName, lastName: staff.lastName })
    .from(staff)
    .innerJoin(sections, tenantJoin(sections.teacherId, staff.id))
    .where(and(eq(staff.tenantId, tenantId), eq(staff.active, true)))
    .orderBy(asc(staff.lastName), asc(staff.displayName));
}
