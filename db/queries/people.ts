import { and, eq, ilike, inArray, or, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Tx } from "../client";
import {
  interventionEnrollments,
  interventionFacilitators,
  schools,
  sectionStudents,
  sections,
  staff,
  students,
} from "../schema";
import { qualified } from "./qualified";
import { studentIsPresent } from "./student-presence";
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
