import { and, asc, desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Tx } from "../../client";
import {
  communications,
  districts,
  guardians,
  interventions,
  studentGuardians,
  students,
} from "../../schema";
import { facilitatorsOf } from "../interventions/details";
import { tenantJoin } from "../tenant-join";

/**
 * Letters to families: what a letter says about a group, who receives it, and what a guardian was
 * sent.
 */

/** The intervention as a letter describes it, with its district and first facilitator. */
export async function letterContext(tx: Tx, tenantId: string, interventionId: string) {
  const [row] = await tx
    .select({
      id: interventions.id,
      name: interventions.name,
      focusArea: interventions.focusArea,
      description: interventions.description,
      goal: interventions.goal,
      scheduleDays: interventions.scheduleDays,
      startTime: interventions.startTime,
      sessionMinutes: interventions.sessionMinutes,
      startDate: interventions.startDate,
      endDate: interventions.endDate,
      durationWeeks: interventions.durationWeeks,
      districtName: districts.name,
      districtTimeZone: districts.timeZone,
      districtSettings: districts.settings,
    })
    .from(interventions)
    .innerJoin(districts, eq(districts.id, interventions.tenantId))
    .where(and(eq(interventions.tenantId, tenantId), eq(interventions.id, interventionId)));
  if (!row) return null;
  // The letter names the group's first facilitator as the family's contact.
  const [first] = await facilitatorsOf(tx, tenantId, interventionId);
  const facilitator = first
    ? { name: first.displayName, email: first.email, phone: first.phone }
    : null;
  return { ...row, facilitator };
}

/** Every guardian with an e-mail address of these students: who gets a letter. */
export async function guardiansToWrite(tx: Tx, tenantId: string, studentIds: readonly string[]) {
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
    })
    .from(studentGuardians)
    .innerJoin(students, tenantJoin(students.id, studentGuardians.studentId))
    .innerJoin(guardians, tenantJoin(guardians.id, studentGuardians.guardianId))
    .where(
      and(
        eq(studentGuardians.tenantId, tenantId),
        inArray(studentGuardians.studentId, [...studentIds]),
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

/**
 * The letters a guardian was sent about these children, newest first, whole: the portal, and a
 * parent's view of a student's page.
 */
export async function communicationsToGuardian(
  tx: Tx,
  tenantId: string,
  guardianId: string,
  studentIds: string[],
) {
  if (studentIds.length === 0) return [];
  return tx
    .select({
      id: communications.id,
      studentId: communications.studentId,
      subject: communications.subject,
      body: communications.body,
      language: communications.language,
      status: communications.status,
      createdAt: communications.createdAt,
      sentAt: communications.sentAt,
    })
    .from(communications)
    .where(
      and(
        eq(communications.tenantId, tenantId),
        eq(communications.guardianId, guardianId),
        inArray(communications.studentId, studentIds),
      ),
    )
    .orderBy(desc(communications.createdAt));
}
