import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Tx } from "../../client";
import {
  auditLog,
  districts,
  guardians,
  interventionEnrollments,
  interventionFacilitators,
  interventions,
  optOutDecisions,
  staff,
  studentGuardians,
  students,
  users,
} from "../../schema";
import { tenantJoin } from "../tenant-join";
import { ofGroup } from "../tenant-row";

/**
 * A guardian's opt-out through a signed link: what it is about, the decision, who is told, the
 * audit row.
 */

/** What an opt-out link is about: the enrollment, its group and child, and the guardian's tie. */
export async function optOutSubject(
  tx: Tx,
  tenantId: string,
  enrollmentId: string,
  guardianId: string,
) {
  const [row] = await tx
    .select({
      enrollmentId: interventionEnrollments.id,
      interventionId: interventions.id,
      interventionName: interventions.name,
      focusArea: interventions.focusArea,
      scheduleDays: interventions.scheduleDays,
      startTime: interventions.startTime,
      sessionMinutes: interventions.sessionMinutes,
      startDate: interventions.startDate,
      endDate: interventions.endDate,
      createdBy: interventions.createdBy,
      isActive: interventionEnrollments.isActive,
      optedOutAt: interventionEnrollments.optedOutAt,
      studentId: students.id,
      studentFirstName: students.firstName,
      studentLastName: students.lastName,
      guardianName: sql<string>`${guardians.firstName} || ' ' || ${guardians.lastName}`,
      guardianLanguage: guardians.language,
      districtName: districts.name,
      districtTimeZone: districts.timeZone,
      districtSettings: districts.settings,
      decidedAt: optOutDecisions.decidedAt,
    })
    .from(interventionEnrollments)
    .innerJoin(interventions, tenantJoin(interventions.id, interventionEnrollments.interventionId))
    .innerJoin(students, tenantJoin(students.id, interventionEnrollments.studentId))
    // The link stops working if the guardian is no longer tied to the child (e.g. custody
    // change) or an admin recorded a contact restriction: they may no longer decide for the child.
    .innerJoin(
      studentGuardians,
      and(
        tenantJoin(studentGuardians.studentId, interventionEnrollments.studentId),
        eq(studentGuardians.guardianId, guardianId),
        eq(studentGuardians.contactRestricted, false),
      ),
    )
    .innerJoin(guardians, tenantJoin(guardians.id, studentGuardians.guardianId))
    .innerJoin(districts, eq(districts.id, interventionEnrollments.tenantId))
    .leftJoin(optOutDecisions, tenantJoin(optOutDecisions.enrollmentId, interventionEnrollments.id))
    .where(
      and(
        eq(interventionEnrollments.tenantId, tenantId),
        eq(interventionEnrollments.id, enrollmentId),
      ),
    );
  return row ?? null;
}

/** Records the decision once: a second use of the link (or a double click) inserts nothing. */
export async function recordOptOutDecision(
  tx: Tx,
  tenantId: string,
  values: { enrollmentId: string; guardianId: string; decidedAt: Date },
): Promise<{ id: string; decidedAt: Date } | null> {
  const [row] = await tx
    .insert(optOutDecisions)
    .values({ tenantId, ...values })
    .onConflictDoNothing({ target: [optOutDecisions.tenantId, optOutDecisions.enrollmentId] })
    .returning({ id: optOutDecisions.id, decidedAt: optOutDecisions.decidedAt });
  return row ?? null;
}

export async function markEnrollmentOptedOut(
  tx: Tx,
  tenantId: string,
  enrollmentId: string,
  at: Date,
): Promise<void> {
  await tx
    .update(interventionEnrollments)
    .set({ optedOutAt: at })
    .where(
      and(
        eq(interventionEnrollments.tenantId, tenantId),
        eq(interventionEnrollments.id, enrollmentId),
      ),
    );
}

/** Who is told of an opt-out: the group's creator and facilitators who have an e-mail address. */
export async function interventionStaffContacts(
  tx: Tx,
  tenantId: string,
  interventionId: string,
  createdBy: string | null,
) {
  const facilitators = await tx
    .select({ email: staff.email, name: staff.displayName })
    .from(interventionFacilitators)
    .innerJoin(staff, tenantJoin(staff.id, interventionFacilitators.staffId))
    .where(
      and(ofGroup(interventionFacilitators, tenantId, interventionId), isNotNull(staff.email)),
    );
  const creator = createdBy
    ? await tx
        .select({ email: users.email, name: users.name })
        .from(users)
        .where(and(eq(users.tenantId, tenantId), eq(users.id, createdBy), eq(users.active, true)))
    : [];
  const byAddress = new Map<string, string>();
  for (const person of [...creator, ...facilitators]) {
    if (person.email) byAddress.set(person.email.toLowerCase(), person.name);
  }
  return [...byAddress].map(([email, name]) => ({ email, name }));
}

/** The guardian's sign-in account, if they have one: the actor of their opt-out in the audit. */
export async function userOfGuardian(
  tx: Tx,
  tenantId: string,
  guardianId: string,
): Promise<string | null> {
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.guardianId, guardianId)))
    .limit(1);
  return row?.id ?? null;
}

/**
 * The audit row of a guardian's own decision through a signed link: no session, so the actor
 * is their account when they have one (else none), with the role "parent".
 */
export async function auditGuardianDecision(
  tx: Tx,
  entry: {
    tenantId: string;
    actorUserId: string | null;
    action: string;
    entityType: string;
    entityId: string;
    /** Null for a decision about the guardian's own mail rather than one child. */
    studentId: string | null;
    after: unknown;
    requestId: string;
    /** The app's clock (lib/clock.ts), where the caller has it; else the database's. */
    occurredAt?: Date;
  },
): Promise<void> {
  await tx.insert(auditLog).values({
    ...(entry.occurredAt ? { occurredAt: entry.occurredAt } : {}),
    tenantId: entry.tenantId,
    actorUserId: entry.actorUserId,
    actorRole: "parent",
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    studentId: entry.studentId,
    after: entry.after,
    requestId: entry.requestId,
  });
}
