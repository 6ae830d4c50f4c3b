import { and, eq } from "drizzle-orm";
import type { Tx } from "../../client";
import { schools, studentGuardians, students } from "../../schema";
import { studentListColumns } from "../students";
import { tenantJoin } from "../tenant-join";

/**
 * The children a guardian follows in the family portal: every child they are tied to, except
 * those for whom an admin recorded a custody or contact restriction on this guardian
 * (`student_guardians.contact_restricted`, issue 13 point 4). For such a child the guardian is
 * treated as unrelated, so the portal shows nothing of them and their page is a 404. Given a
 * student, only that child (or nothing).
 */
export async function portalChildren(
  tx: Tx,
  tenantId: string,
  guardianId: string,
  only?: { studentId: string },
) {
  return tx
    .select(studentListColumns)
    .from(studentGuardians)
    .innerJoin(students, tenantJoin(students.id, studentGuardians.studentId))
    .innerJoin(schools, tenantJoin(schools.id, students.schoolId))
    .where(
      and(
        eq(studentGuardians.tenantId, tenantId),
        eq(studentGuardians.guardianId, guardianId),
        eq(studentGuardians.contactRestricted, false),
        only ? eq(studentGuardians.studentId, only.studentId) : undefined,
      ),
    )
    .orderBy(students.firstName, students.id);
}
