import { and, eq, sql } from "drizzle-orm";
import type { Database, Tx } from "../../client";
import {
  assessmentResults,
  assessments,
  inboxEvents,
  parkedMessages,
  schools,
  staff,
  students,
} from "../../schema";
import { assessmentResultKey } from "../assessments";
import { returnedRow } from "../returned-row";

/**
 * Consumed events: each recorded once, parked when it cannot be applied, and the changes it
 * applies (each inside withTenant for the event's district).
 */

/**
 * Records an inbound event as applied, in the transaction that applies it. False when it was
 * applied before: the caller then skips the change, so a redelivery is applied once.
 */
export async function recordInboxEvent(
  tx: Tx,
  event: { tenantId: string; eventId: string; type: string; source: string | null },
): Promise<boolean> {
  const inserted = await tx
    .insert(inboxEvents)
    .values(event)
    .onConflictDoNothing({ target: [inboxEvents.tenantId, inboxEvents.eventId] })
    .returning({ eventId: inboxEvents.eventId });
  return inserted.length > 0;
}

/** Keeps a message that cannot be applied, with the reason, for an operator (owner role only). */
export async function parkMessage(
  db: Database,
  message: { subject: string; payload: string; reason: string; attempts: number },
): Promise<void> {
  await db.insert(parkedMessages).values({
    subject: message.subject.slice(0, 300),
    payload: message.payload,
    reason: message.reason.slice(0, 4000),
    attempts: message.attempts,
  });
}

/* ---- Applying consumed events ---- */

/** A school by SIS id, else by school code; null when the district has no such school. */
export async function schoolIdByReference(
  tx: Tx,
  tenantId: string,
  reference: { sourceId?: string; code?: string },
): Promise<string | null> {
  for (const [column, value] of [
    [schools.sourceId, reference.sourceId],
    [schools.code, reference.code],
  ] as const) {
    if (!value) continue;
    const [row] = await tx
      .select({ id: schools.id })
      .from(schools)
      .where(and(eq(schools.tenantId, tenantId), eq(column, value)))
      .limit(1);
    if (row) return row.id;
  }
  return null;
}

export interface RosterStudent {
  sourceId: string;
  localId: string;
  firstName: string;
  lastName: string;
  grade: number;
  birthDate?: string | null;
  schoolId: string;
  active: boolean;
}

/**
 * Creates or updates a student from the roster. A student the district entered before the SIS
 * knew them (same student number, no SIS id yet) is adopted rather than duplicated.
 */
export async function upsertRosterStudent(
  tx: Tx,
  tenantId: string,
  student: RosterStudent,
): Promise<string> {
  const values = {
    localId: student.localId,
    firstName: student.firstName,
    lastName: student.lastName,
    grade: student.grade,
    birthDate: student.birthDate ?? null,
    schoolId: student.schoolId,
    sourceId: student.sourceId,
    active: student.active,
  };
  const [existing] = await tx
    .select({ id: students.id })
    .from(students)
    .where(
      and(
        eq(students.tenantId, tenantId),
        sql`(${students.sourceId} = ${student.sourceId} or (${students.sourceId} is null and ${students.localId} = ${student.localId}))`,
      ),
    )
    .orderBy(sql`${students.sourceId} is null`)
    .limit(1);
  if (existing) {
    await tx
      .update(students)
      .set(values)
      .where(and(eq(students.tenantId, tenantId), eq(students.id, existing.id)));
    return existing.id;
  }
  const created = returnedRow(
    await tx
      .insert(students)
      .values({ tenantId, ...values })
      .returning({ id: students.id }),
  );
  return created.id;
}

export async function studentIdBySourceId(
  tx: Tx,
  tenantId: string,
  sourceId: string,
): Promise<string | null> {
  const [row] = await tx
    .select({ id: students.id })
    .from(students)
    .where(and(eq(students.tenantId, tenantId), eq(students.sourceId, sourceId)));
  return row?.id ?? null;
}

export async function assessmentIdByName(
  tx: Tx,
  tenantId: string,
  name: string,
): Promise<string | null> {
  const [row] = await tx
    .select({ id: assessments.id })
    .from(assessments)
    .where(
      and(eq(assessments.tenantId, tenantId), sql`lower(${assessments.name}) = lower(${name})`),
    )
    .limit(1);
  return row?.id ?? null;
}

/** One result per student, assessment, year and window: a corrected score replaces the old one. */
export async function upsertAssessmentResult(
  tx: Tx,
  result: typeof assessmentResults.$inferInsert,
): Promise<void> {
  await tx
    .insert(assessmentResults)
    .values(result)
    .onConflictDoUpdate({
      target: assessmentResultKey,
      set: {
        administeredOn: result.administeredOn,
        score: result.score,
        percentile: result.percentile ?? null,
      },
    });
}

export interface StaffDetails {
  schoolId: string | null;
  firstName: string;
  lastName: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  title: string | null;
  active: boolean;
}

/** Creates or updates a staff member by SIS id; `active` is their availability. */
export async function upsertStaffMember(
  tx: Tx,
  tenantId: string,
  sourceId: string,
  details: StaffDetails,
): Promise<void> {
  await tx
    .insert(staff)
    .values({ tenantId, sourceId, ...details })
    .onConflictDoUpdate({
      target: [staff.tenantId, staff.sourceId],
      targetWhere: sql`${staff.sourceId} is not null`,
      set: details,
    });
}
