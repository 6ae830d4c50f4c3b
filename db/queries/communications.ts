import {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  inArray,
  isNotNull,
  isNull,
  lte,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import type { Database, Tx } from "../client";
import {
  auditLog,
  communications,
  districts,
  guardians,
  interventionEnrollments,
  interventionFacilitators,
  interventions,
  messageTemplates,
  optOutDecisions,
  staff,
  studentGuardians,
  students,
  users,
} from "../schema";
import { facilitatorsOf } from "./interventions";
import { returnedRow } from "./returned-row";
import { tenantJoin } from "./tenant-join";

export type CommunicationRow = typeof communications.$inferSelect;
/**
 * A message to log and queue. `createdAt` defaults to the database's clock; a use-case that
 * later compares against it (e.g. one password link per ten minutes) passes its own.
 */
export type NewCommunication = Omit<typeof communications.$inferInsert, "id">;

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

export async function templatesOfKind(tx: Tx, tenantId: string, kind: string) {
  return tx
    .select()
    .from(messageTemplates)
    .where(and(eq(messageTemplates.tenantId, tenantId), eq(messageTemplates.kind, kind)));
}

/** Saves a district's template for a kind and language; each save is a new version. */
export async function saveTemplate(
  tx: Tx,
  tenantId: string,
  values: {
    kind: string;
    language: string;
    subject: string;
    body: string;
    updatedBy: string;
    updatedAt: Date;
  },
) {
  const rows = await tx
    .insert(messageTemplates)
    .values({ tenantId, ...values, version: 1 })
    .onConflictDoUpdate({
      target: [messageTemplates.tenantId, messageTemplates.kind, messageTemplates.language],
      set: {
        subject: values.subject,
        body: values.body,
        updatedBy: values.updatedBy,
        updatedAt: values.updatedAt,
        version: sql`${messageTemplates.version} + 1`,
      },
    })
    .returning();
  return returnedRow(rows, "Upsert");
}

export async function insertCommunications(
  tx: Tx,
  rows: readonly NewCommunication[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await tx
    .insert(communications)
    .values([...rows])
    .returning({ id: communications.id });
  return inserted.map((r) => r.id);
}

export interface MailboxFilter {
  status?: CommunicationRow["status"];
  kind?: string;
  q?: string;
  limit: number;
  offset: number;
}

function mailboxConditions(tenantId: string, filter: Omit<MailboxFilter, "limit" | "offset">): SQL {
  const conditions: SQL[] = [eq(communications.tenantId, tenantId)];
  if (filter.status) conditions.push(eq(communications.status, filter.status));
  if (filter.kind) conditions.push(eq(communications.kind, filter.kind));
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, "\\$&")}%`;
    conditions.push(
      or(
        sql`${communications.toAddress} ilike ${pattern}`,
        sql`${communications.subject} ilike ${pattern}`,
      )!,
    );
  }
  return and(...conditions)!;
}

/** The district's messages, newest first, with the student they concern. */
export async function listCommunications(tx: Tx, tenantId: string, filter: MailboxFilter) {
  const where = mailboxConditions(tenantId, filter);
  const rows = await tx
    .select({
      id: communications.id,
      kind: communications.kind,
      toAddress: communications.toAddress,
      language: communications.language,
      subject: communications.subject,
      status: communications.status,
      attempts: communications.attempts,
      lastError: communications.lastError,
      createdAt: communications.createdAt,
      sentAt: communications.sentAt,
      studentId: communications.studentId,
      studentName: sql<string | null>`${students.firstName} || ' ' || ${students.lastName}`,
      reason: communications.reason,
    })
    .from(communications)
    .leftJoin(students, tenantJoin(students.id, communications.studentId))
    .where(where)
    .orderBy(desc(communications.createdAt), desc(communications.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const [total] = await tx.select({ n: count() }).from(communications).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function communicationById(tx: Tx, tenantId: string, id: string) {
  const [row] = await tx
    .select()
    .from(communications)
    .where(and(eq(communications.tenantId, tenantId), eq(communications.id, id)));
  return row ?? null;
}

/** The letters a guardian was sent about a student (the student page for a parent). */
/** The letters a guardian was sent about these children, newest first, whole (for the portal). */
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

/**
 * Messages due for delivery, locked so that two workers never send the same one; rows locked
 * by another worker are skipped rather than waited for.
 */
export async function claimDueCommunications(tx: Tx, tenantId: string, now: Date, limit: number) {
  return tx
    .select()
    .from(communications)
    .where(
      and(
        eq(communications.tenantId, tenantId),
        eq(communications.status, "queued"),
        or(isNull(communications.nextAttemptAt), lte(communications.nextAttemptAt, now)),
      ),
    )
    .orderBy(asc(communications.createdAt))
    .limit(limit)
    .for("update", { skipLocked: true });
}

export async function updateDelivery(
  tx: Tx,
  tenantId: string,
  id: string,
  values: Partial<
    Pick<CommunicationRow, "status" | "attempts" | "lastError" | "nextAttemptAt" | "sentAt">
  >,
): Promise<void> {
  await tx
    .update(communications)
    .set(values)
    .where(and(eq(communications.tenantId, tenantId), eq(communications.id, id)));
}

/** Every district: the mail worker (owner role, which may list districts) visits each in turn. */
export async function allDistrictIds(db: Pick<Database, "select">): Promise<string[]> {
  const rows = await db.select({ id: districts.id }).from(districts).orderBy(asc(districts.id));
  return rows.map((r) => r.id);
}

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
      districtSettings: districts.settings,
      decidedAt: optOutDecisions.decidedAt,
    })
    .from(interventionEnrollments)
    .innerJoin(interventions, tenantJoin(interventions.id, interventionEnrollments.interventionId))
    .innerJoin(students, tenantJoin(students.id, interventionEnrollments.studentId))
    // The link stops working if the guardian is no longer tied to the child (e.g. custody change).
    .innerJoin(
      studentGuardians,
      and(
        tenantJoin(studentGuardians.studentId, interventionEnrollments.studentId),
        eq(studentGuardians.guardianId, guardianId),
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
      and(
        eq(interventionFacilitators.tenantId, tenantId),
        eq(interventionFacilitators.interventionId, interventionId),
        isNotNull(staff.email),
      ),
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
    studentId: string;
    after: unknown;
    requestId: string;
  },
): Promise<void> {
  await tx.insert(auditLog).values({
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

/** Sets one key of the district's settings, keeping the others. */
export async function setDistrictSetting(
  tx: Tx,
  tenantId: string,
  key: string,
  value: unknown,
): Promise<unknown> {
  const [row] = await tx
    .update(districts)
    .set({
      settings: sql`${districts.settings} || jsonb_build_object(${key}::text, ${JSON.stringify(value)}::jsonb)`,
    })
    .where(eq(districts.id, tenantId))
    .returning({ settings: districts.settings });
  return row?.settings;
}

/** Whether a message of this kind went to this address after `since` (to refuse a flood). */
export async function messageSentSince(
  tx: Tx,
  tenantId: string,
  kind: string,
  toAddress: string,
  since: Date,
): Promise<boolean> {
  const rows = await tx
    .select({ id: communications.id })
    .from(communications)
    .where(
      and(
        eq(communications.tenantId, tenantId),
        eq(communications.kind, kind),
        eq(communications.toAddress, toAddress),
        gt(communications.createdAt, since),
      ),
    )
    .limit(1);
  return rows.length > 0;
}
