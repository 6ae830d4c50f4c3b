import { type SQL, sql } from "drizzle-orm";
import { students } from "../schema";

/**
 * The student is still in the district: `students.active`, which a roster import clears when the
 * student leaves (OneRoster `tobedeleted`: withdrawn, moved, graduated). A family and a teacher
 * reach a child's record only through this, besides their own tie (a guardian link, a class
 * roster), so their access ends with the student's exit; the team (specialists, admins) and the
 * facilitators of the child's groups keep the record (docs/domain.md, "Access after a student
 * leaves"). Written as an `exists` over the student, so it reads in any subquery whose row names
 * a tenant and a student (columns qualified, or a subquery's aliases as raw SQL).
 */
export function studentIsPresent(tenantId: SQL, studentId: SQL): SQL<boolean> {
  return sql<boolean>`exists (select 1 from ${students} st
    where st.tenant_id = ${tenantId} and st.id = ${studentId} and st.active)`;
}
