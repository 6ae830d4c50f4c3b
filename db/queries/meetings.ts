import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Tx } from "../client";
import { mtssMeetingStudents, mtssMeetings, schools, students, tierChanges } from "../schema";
import { returnedRow } from "./returned-row";
import { tenantJoin } from "./tenant-join";

/** MTSS team meetings and the students discussed at each (issue 11, point 2). */

export async function insertMeeting(tx: Tx, meeting: typeof mtssMeetings.$inferInsert) {
  return returnedRow(await tx.insert(mtssMeetings).values(meeting).returning());
}

export async function insertMeetingStudent(tx: Tx, row: typeof mtssMeetingStudents.$inferInsert) {
  return returnedRow(await tx.insert(mtssMeetingStudents).values(row).returning());
}

const meetingColumns = {
  id: mtssMeetings.id,
  heldOn: mtssMeetings.heldOn,
  title: mtssMeetings.title,
  schoolId: mtssMeetings.schoolId,
  schoolName: schools.name,
  attendees: mtssMeetings.attendees,
  notes: mtssMeetings.notes,
  createdBy: mtssMeetings.createdBy,
  createdAt: mtssMeetings.createdAt,
};

/** The district's meetings, latest first. */
export async function meetingsOf(tx: Tx, tenantId: string, limit: number) {
  return tx
    .select(meetingColumns)
    .from(mtssMeetings)
    .leftJoin(schools, tenantJoin(schools.id, mtssMeetings.schoolId))
    .where(eq(mtssMeetings.tenantId, tenantId))
    .orderBy(desc(mtssMeetings.heldOn), desc(mtssMeetings.createdAt))
    .limit(limit);
}

export async function meetingOf(tx: Tx, tenantId: string, meetingId: string) {
  const [row] = await tx
    .select(meetingColumns)
    .from(mtssMeetings)
    .leftJoin(schools, tenantJoin(schools.id, mtssMeetings.schoolId))
    .where(and(eq(mtssMeetings.tenantId, tenantId), eq(mtssMeetings.id, meetingId)));
  return row ?? null;
}

/** The students discussed at these meetings, in the order they were discussed. */
export async function meetingStudentsOf(tx: Tx, tenantId: string, meetingIds: readonly string[]) {
  if (meetingIds.length === 0) return [];
  return tx
    .select({
      id: mtssMeetingStudents.id,
      meetingId: mtssMeetingStudents.meetingId,
      studentId: mtssMeetingStudents.studentId,
      firstName: students.firstName,
      lastName: students.lastName,
      tierChangeId: mtssMeetingStudents.tierChangeId,
      decision: tierChanges.decision,
      fromTier: tierChanges.fromTier,
      toTier: tierChanges.toTier,
      decisionSummary: mtssMeetingStudents.decisionSummary,
      reviewOn: mtssMeetingStudents.reviewOn,
    })
    .from(mtssMeetingStudents)
    .innerJoin(students, tenantJoin(students.id, mtssMeetingStudents.studentId))
    .leftJoin(tierChanges, tenantJoin(tierChanges.id, mtssMeetingStudents.tierChangeId))
    .where(
      and(
        eq(mtssMeetingStudents.tenantId, tenantId),
        inArray(mtssMeetingStudents.meetingId, [...meetingIds]),
      ),
    )
    .orderBy(asc(mtssMeetingStudents.createdAt), asc(mtssMeetingStudents.id));
}

/** A recorded tier decision of this student (to link to a meeting), or null. */
export async function tierChangeOfStudent(
  tx: Tx,
  tenantId: string,
  studentId: string,
  tierChangeId: string,
) {
  const [row] = await tx
    .select({ id: tierChanges.id, fromTier: tierChanges.fromTier, toTier: tierChanges.toTier })
    .from(tierChanges)
    .where(
      and(
        eq(tierChanges.tenantId, tenantId),
        eq(tierChanges.studentId, studentId),
        eq(tierChanges.id, tierChangeId),
      ),
    );
  return row ?? null;
}

export async function schoolExists(tx: Tx, tenantId: string, schoolId: string) {
  const rows = await tx
    .select({ id: schools.id })
    .from(schools)
    .where(and(eq(schools.tenantId, tenantId), eq(schools.id, schoolId)));
  return rows.length > 0;
}
