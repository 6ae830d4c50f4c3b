/**
 * Guardians and their links to children: who may see a child in the portal, who receives letters,
 * and the contact restrictions an admin records (docs/domain.md, "Guardians as they are:
 * contact restrictions").
 */
import { and, asc, type Column, count, eq, inArray, isNotNull, type SQL, sql } from "drizzle-orm";
import type { Tx } from "../client";
import { guardians, schools, studentGuardians, students } from "../schema";
import { everyWordMatches } from "./people";
import { qualified } from "./qualified";
import { studentListColumns } from "./students";
import { tenantJoin } from "./tenant-join";

/**
 * The one definition of a guardian–child link that counts (issue 13, point 4): the link exists
 * and no custody or contact restriction is recorded on it. A restricted guardian gets no letter
 * about the child and does not see the child in the portal; every query that addresses letters
 * or opens a child to a guardian filters with this.
 */
const linkIsOpen = () => eq(studentGuardians.contactRestricted, false);

/** Lists of links read by child, then guardian, each by last name. */
const byChildThenGuardian = [
  asc(students.lastName),
  asc(students.firstName),
  asc(guardians.lastName),
  asc(guardians.firstName),
];

/** The link's child and guardian, within the link's district. */
const linkedStudent = tenantJoin(students.id, studentGuardians.studentId);
const linkedGuardian = tenantJoin(guardians.id, studentGuardians.guardianId);

/**
 * The same rule as a condition on another table's row (a queued message, a progress note, a
 * summary): the guardian is tied to the student by an open link. `guardian` is a column of that
 * row or one guardian's id. Columns are qualified by their table, so it reads in a subquery of
 * any statement over that table.
 */
export function guardianReachesStudent(
  tenantId: Column,
  studentId: Column,
  guardian: Column | string,
): SQL<boolean> {
  const guardianId = typeof guardian === "string" ? sql`${guardian}` : qualified(guardian);
  return sql<boolean>`exists (select 1 from ${studentGuardians} sg
    where sg.tenant_id = ${qualified(tenantId)} and sg.student_id = ${qualified(studentId)}
      and sg.guardian_id = ${guardianId} and not sg.contact_restricted)`;
}

/**
 * The guardian's children, for the family portal: a restricted link hides the child, and so does
 * the child's leaving the district (the family's access ends with the exit).
 */
export async function childrenOfGuardian(tx: Tx, tenantId: string, guardianId: string) {
  return tx
    .select(studentListColumns)
    .from(studentGuardians)
    .innerJoin(students, linkedStudent)
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
    .innerJoin(students, linkedStudent)
    .innerJoin(guardians, linkedGuardian)
    .where(
      and(
        eq(studentGuardians.tenantId, tenantId),
        inArray(studentGuardians.studentId, [...studentIds]),
        linkIsOpen(),
        isNotNull(guardians.email),
      ),
    )
    .orderBy(...byChildThenGuardian);
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

/** The links that meet `condition`, with the names an admin reads. */
function namedLinksWhere(tx: Tx, condition: SQL | undefined) {
  return tx
    .select(guardianLinkColumns)
    .from(studentGuardians)
    .innerJoin(students, linkedStudent)
    .innerJoin(guardians, linkedGuardian)
    .where(condition);
}

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
  return namedLinksWhere(
    tx,
    and(
      eq(studentGuardians.tenantId, tenantId),
      ...(words.length > 0 ? words : [eq(studentGuardians.contactRestricted, true)]),
    ),
  )
    .orderBy(...byChildThenGuardian)
    .limit(limit);
}

/** One guardian–child link with the names an admin reads; null when there is none. */
export async function guardianLink(
  tx: Tx,
  tenantId: string,
  studentId: string,
  guardianId: string,
) {
  const [row] = await namedLinksWhere(
    tx,
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
