import { and, asc, count, eq, ilike, inArray, isNotNull, or, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Tx } from "../client";
import {
  guardians,
  interventionEnrollments,
  interventionFacilitators,
  schools,
  sectionStudents,
  sections,
  staff,
  studentGuardians,
  students,
} from "../schema";
import { qualified } from "./qualified";
import { studentIsPresent } from "./student-presence";
import { studentListColumns } from "./students";
import { tenantJoin } from "./tenant-join";

/**
 * "emma wil" finds Emma Wilson: every word must appear in one of the columns. LIKE wildcards
 * typed by the user are escaped, so they match literally.
 */
export function everyWordMatches(q: string | undefined, columns: AnyPgColumn[]): SQL[] {
  const words = (q ?? "").trim().split(/\s+/).filter(Boolean).slice(0, 4);
  return words.map((word) => {
    const pattern = `%${word.replace(/[\\%_]/g, "\\$&")}%`;
    return or(...columns.map((column) => ilike(column, pattern)))!;
  });
}

/** Which of `ids` are active rows of `table` in the current district. */
async function activeIdsAmong(
  tx: Tx,
  table: typeof students | typeof staff,
  tenantId: string,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows: { id: string }[] = await tx
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.tenantId, tenantId), inArray(table.id, ids), eq(table.active, true)));
  return new Set(rows.map((r) => r.id));
}

export function existingStudentIds(tx: Tx, tenantId: string, ids: string[]): Promise<Set<string>> {
  return activeIdsAmong(tx, students, tenantId, ids);
}

export function existingStaffIds(tx: Tx, tenantId: string, ids: string[]): Promise<Set<string>> {
  return activeIdsAmong(tx, staff, tenantId, ids);
}

/**
 * The students on the class rosters a teacher teaches, while they are in the district (a student
 * who left is no longer the teacher's to follow); usable as a subquery or awaited.
 */
export function studentsTaughtBy(tx: Tx, tenantId: string, teacherStaffId: string) {
  return tx
    .select({ id: sectionStudents.studentId })
    .from(sectionStudents)
    .innerJoin(sections, tenantJoin(sections.id, sectionStudents.sectionId))
    .where(
      and(
        eq(sections.tenantId, tenantId),
        eq(sections.teacherId, teacherStaffId),
        studentIsPresent(qualified(sectionStudents.tenantId), qualified(sectionStudents.studentId)),
      ),
    );
}

export interface StudentSearch {
  q?: string;
  schoolId?: string;
  grade?: number;
  limit: number;
  offset: number;
  /** Only students on this teacher's rosters or in this facilitator's groups; null = all. */
  visibleToStaffId: string | null;
}

export interface StudentSummary {
  id: string;
  localId: string;
  firstName: string;
  lastName: string;
  grade: number;
  schoolId: string;
  schoolName: string;
  currentTier: number;
}

/** Students the caller may see, for pickers and integrations. */
export async function searchStudents(
  tx: Tx,
  tenantId: string,
  search: StudentSearch,
): Promise<StudentSummary[]> {
  const conditions: SQL[] = [eq(students.tenantId, tenantId), eq(students.active, true)];
  conditions.push(
    ...everyWordMatches(search.q, [students.firstName, students.lastName, students.localId]),
  );
  if (search.schoolId) conditions.push(eq(students.schoolId, search.schoolId));
  if (search.grade !== undefined) conditions.push(eq(students.grade, search.grade));
  if (search.visibleToStaffId) {
    const staffId = search.visibleToStaffId;
    conditions.push(
      or(
        inArray(students.id, studentsTaughtBy(tx, tenantId, staffId)),
        inArray(
          students.id,
          tx
            .select({ id: interventionEnrollments.studentId })
            .from(interventionEnrollments)
            .innerJoin(
              interventionFacilitators,
              tenantJoin(
                interventionFacilitators.interventionId,
                interventionEnrollments.interventionId,
              ),
            )
            .where(
              and(
                eq(interventionEnrollments.tenantId, tenantId),
                eq(interventionFacilitators.staffId, staffId),
              ),
            ),
        ),
      )!,
    );
  }
  return tx
    .select({
      id: students.id,
      localId: students.localId,
      firstName: students.firstName,
      lastName: students.lastName,
      grade: students.grade,
      schoolId: students.schoolId,
      schoolName: schools.name,
      currentTier: students.currentTier,
    })
    .from(students)
    .innerJoin(schools, tenantJoin(schools.id, students.schoolId))
    .where(and(...conditions))
    .orderBy(students.lastName, students.firstName, students.id)
    .limit(search.limit)
    .offset(search.offset);
}

export interface StaffSummary {
  id: string;
  displayName: string;
  firstName: string;
  lastName: string;
  title: string | null;
  email: string | null;
  schoolId: string | null;
}

export async function searchStaff(
  tx: Tx,
  tenantId: string,
  search: { q?: string; limit: number; offset: number },
): Promise<StaffSummary[]> {
  const conditions: SQL[] = [eq(staff.tenantId, tenantId), eq(staff.active, true)];
  conditions.push(
    ...everyWordMatches(search.q, [
      staff.firstName,
      staff.lastName,
      staff.displayName,
      staff.title,
    ]),
  );
  return tx
    .select({
      id: staff.id,
      displayName: staff.displayName,
      firstName: staff.firstName,
      lastName: staff.lastName,
      title: staff.title,
      email: staff.email,
      schoolId: staff.schoolId,
    })
    .from(staff)
    .where(and(...conditions))
    .orderBy(staff.lastName, staff.firstName, staff.id)
    .limit(search.limit)
    .offset(search.offset);
}

/**
 * The one definition of a guardian–child link that counts (issue 13, point 4): the link exists
 * and no custody or contact restriction is recorded on it. A restricted guardian gets no letter
 * about the child and does not see the child in the portal; every query that addresses letters
 * or opens a child to a guardian filters with this.
 */
const linkIsOpen = () => eq(studentGuardians.contactRestricted, false);

/**
 * The same rule as a condition on another table's row (a queued message): the guardian is tied
 * to the student by an open link. Columns are qualified by their table, so it reads in a
 * subquery of any statement over that table.
 */
export function guardianReachesStudent(
  tenantId: AnyPgColumn,
  studentId: AnyPgColumn,
  guardianId: AnyPgColumn,
): SQL<boolean> {
  return sql<boolean>`exists (select 1 from ${studentGuardians} sg
    where sg.tenant_id = ${qualified(tenantId)} and sg.student_id = ${qualified(studentId)}
      and sg.guardian_id = ${qualified(guardianId)} and not sg.contact_restricted)`;
}

/**
 * The guardian's children, for the family portal: a restricted link hides the child, and so does
 * the child's leaving the district (the family's access ends with the exit).
 */
export async function childrenOfGuardian(tx: Tx, tenantId: string, guardianId: string) {
  return tx
    .select(studentListColumns)
    .from(studentGuardians)
    .innerJoin(students, tenantJoin(students.id, studentGuardians.studentId))
    .innerJoin(schools, tenantJoin(schools.id, students.schoolId))
    .where(
      and(
        eq(studentGuardians.tenantId, tenantId),
        eq(studentGuardians.guardianId, guardianId),
        linkIsOpen(),
        eq(students.active, true),
      ),
    )
    .orderBy(students.firstName);
}

/**
 * Whom letters about these students go to: each guardian with an e-mail address and an open
 * link (no contact restriction), with their language and whether they stopped optional mail.
 * Every path that addresses a letter to a family reads its recipients here.
 */
export async function reachableGuardians(tx: Tx, tenantId: string, studentIds: readonly string[]) {
  if (studentIds.length === 0) return [];
  return tx
    .select({
      studentId: students.id,
      studentFirstName: students.firstName,
      studentLastName: students.lastName,
      guardianId: guardians.id,
      guardianFirstName: guardians.firstName,
      guardianLastName: guardians.lastName,
      email: guardians.email,
      language: guardians.language,
      optionalMailStoppedAt: guardians.optionalMailStoppedAt,
    })
    .from(studentGuardians)
    .innerJoin(students, tenantJoin(students.id, studentGuardians.studentId))
    .innerJoin(guardians, tenantJoin(guardians.id, studentGuardians.guardianId))
    .where(
      and(
        eq(studentGuardians.tenantId, tenantId),
        inArray(studentGuardians.studentId, [...studentIds]),
        linkIsOpen(),
        isNotNull(guardians.email),
      ),
    )
    .orderBy(
      asc(students.lastName),
      asc(students.firstName),
      asc(guardians.lastName),
      asc(guardians.firstName),
    );
}

export type ReachableGuardian = Awaited<ReturnType<typeof reachableGuardians>>[number];

const guardianLinkColumns = {
  studentId: students.id,
  studentName: sql<string>`${students.firstName} || ' ' || ${students.lastName}`,
  studentLocalId: students.localId,
  grade: students.grade,
  guardianId: guardians.id,
  guardianName: sql<string>`${guardians.firstName} || ' ' || ${guardians.lastName}`,
  email: guardians.email,
  language: guardians.language,
  relationship: studentGuardians.relationship,
  contactRestricted: studentGuardians.contactRestricted,
  restrictionNote: studentGuardians.restrictionNote,
};

/**
 * Guardian–child links for the admin's families page: those whose child or guardian matches
 * every word of `q` (names, student number, e-mail), or, with no words, the restricted ones.
 */
export async function guardianLinks(tx: Tx, tenantId: string, q: string, limit: number) {
  const words = everyWordMatches(q, [
    students.firstName,
    students.lastName,
    students.localId,
    guardians.firstName,
    guardians.lastName,
    guardians.email,
  ]);
  return tx
    .select(guardianLinkColumns)
    .from(studentGuardians)
    .innerJoin(students, tenantJoin(students.id, studentGuardians.studentId))
    .innerJoin(guardians, tenantJoin(guardians.id, studentGuardians.guardianId))
    .where(
      and(
        eq(studentGuardians.tenantId, tenantId),
        ...(words.length > 0 ? words : [eq(studentGuardians.contactRestricted, true)]),
      ),
    )
    .orderBy(
      asc(students.lastName),
      asc(students.firstName),
      asc(guardians.lastName),
      asc(guardians.firstName),
    )
    .limit(limit);
}

/** One guardian–child link with the names an admin reads; null when there is none. */
export async function guardianLink(
  tx: Tx,
  tenantId: string,
  studentId: string,
  guardianId: string,
) {
  const [row] = await tx
    .select(guardianLinkColumns)
    .from(studentGuardians)
    .innerJoin(students, tenantJoin(students.id, studentGuardians.studentId))
    .innerJoin(guardians, tenantJoin(guardians.id, studentGuardians.guardianId))
    .where(
      and(
        eq(studentGuardians.tenantId, tenantId),
        eq(studentGuardians.studentId, studentId),
        eq(studentGuardians.guardianId, guardianId),
      ),
    );
  return row ?? null;
}

/**
 * Records (with its note) or lifts (null) the restriction on one guardian–child link, only if
 * it is not so already: false when another request got there first (or there was nothing to
 * change), so two admins at once record one restriction, audited once.
 */
export async function setContactRestriction(
  tx: Tx,
  tenantId: string,
  link: { studentId: string; guardianId: string },
  note: string | null,
): Promise<boolean> {
  const restrict = note !== null;
  const rows = await tx
    .update(studentGuardians)
    .set({ contactRestricted: restrict, restrictionNote: note })
    .where(
      and(
        eq(studentGuardians.tenantId, tenantId),
        eq(studentGuardians.studentId, link.studentId),
        eq(studentGuardians.guardianId, link.guardianId),
        eq(studentGuardians.contactRestricted, !restrict),
      ),
    )
    .returning({ guardianId: studentGuardians.guardianId });
  return rows.length > 0;
}

/** The languages the district's guardians read letters in, with how many guardians read each. */
export async function guardianLanguages(tx: Tx, tenantId: string) {
  return tx
    .select({ language: guardians.language, guardians: count() })
    .from(guardians)
    .where(eq(guardians.tenantId, tenantId))
    .groupBy(guardians.language)
    .orderBy(asc(guardians.language));
}
