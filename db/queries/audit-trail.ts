import { and, asc, desc, eq, gte, isNull, lt, or, sql } from "drizzle-orm";
import type { Database, Tx } from "../client";
import {
  auditLog,
  communications,
  disclosures,
  districts,
  schools,
  students,
  tierChanges,
  users,
} from "../schema";
import { studentWithSchoolColumns } from "./students";
import { tenantJoin } from "./tenant-join";

/* ---- The audit viewer ---- */

export interface AuditFilter {
  studentId?: string;
  actorUserId?: string;
  action?: string;
  from?: Date;
  /** Exclusive. */
  to?: Date;
  /** Keyset cursor: rows older than this id. */
  beforeId?: number;
  limit: number;
}

const auditColumns = {
  id: auditLog.id,
  occurredAt: auditLog.occurredAt,
  actorUserId: auditLog.actorUserId,
  actorName: users.name,
  actorRole: auditLog.actorRole,
  action: auditLog.action,
  entityType: auditLog.entityType,
  entityId: auditLog.entityId,
  studentId: auditLog.studentId,
  studentName: sql<string | null>`${students.firstName} || ' ' || ${students.lastName}`,
  before: auditLog.before,
  after: auditLog.after,
  reason: auditLog.reason,
  requestId: auditLog.requestId,
  chainSeq: auditLog.chainSeq,
};

export type AuditTrailRow = Awaited<ReturnType<typeof searchAuditTrail>>[number];

/** Audit rows with the names of who acted and which student; the caller adds the conditions. */
function auditRows(tx: Tx) {
  return tx
    .select(auditColumns)
    .from(auditLog)
    .leftJoin(users, tenantJoin(users.id, auditLog.actorUserId))
    .leftJoin(students, tenantJoin(students.id, auditLog.studentId))
    .$dynamic();
}

/** The district's audit trail, newest first, filtered, a page at a time. */
export async function searchAuditTrail(tx: Tx, tenantId: string, filter: AuditFilter) {
  const conditions = [eq(auditLog.tenantId, tenantId)];
  if (filter.studentId) conditions.push(eq(auditLog.studentId, filter.studentId));
  if (filter.actorUserId) conditions.push(eq(auditLog.actorUserId, filter.actorUserId));
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.from) conditions.push(gte(auditLog.occurredAt, filter.from));
  if (filter.to) conditions.push(lt(auditLog.occurredAt, filter.to));
  if (filter.beforeId) conditions.push(lt(auditLog.id, filter.beforeId));
  return auditRows(tx)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(filter.limit);
}

/**
 * Everything the trail holds about one student, oldest first (compliance export): the rows about
 * the student, and the reads and exports of lists that showed them (db/queries/audit.ts →
 * listReadTarget names them in `studentIds`, a disclosure in `details.studentIds`).
 */
export async function studentAuditTrail(tx: Tx, tenantId: string, studentId: string) {
  return auditRows(tx)
    .where(
      and(
        eq(auditLog.tenantId, tenantId),
        or(
          eq(auditLog.studentId, studentId),
          and(
            isNull(auditLog.studentId),
            or(
              sql`jsonb_exists(${auditLog.after} -> 'studentIds', ${studentId})`,
              sql`jsonb_exists(${auditLog.after} -> 'details' -> 'studentIds', ${studentId})`,
            ),
          ),
        ),
      ),
    )
    .orderBy(asc(auditLog.id));
}

/** The filter choices: the district's people and the actions its trail contains. */
export async function auditFilterChoices(tx: Tx, tenantId: string) {
  const [people, actions] = await Promise.all([
    tx
      .select({ id: users.id, name: users.name, role: users.role })
      .from(users)
      .where(eq(users.tenantId, tenantId))
      .orderBy(asc(users.name)),
    tx
      .selectDistinct({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.tenantId, tenantId))
      .orderBy(asc(auditLog.action)),
  ]);
  return { people, actions: actions.map((a) => a.action) };
}

/* ---- The compliance export of one student ---- */

export async function studentSummary(tx: Tx, tenantId: string, studentId: string) {
  const [row] = await tx
    .select({ ...studentWithSchoolColumns, birthDate: students.birthDate })
    .from(students)
    .innerJoin(schools, tenantJoin(schools.id, students.schoolId))
    .where(and(eq(students.tenantId, tenantId), eq(students.id, studentId)));
  return row ?? null;
}

export async function tierHistoryOf(tx: Tx, tenantId: string, studentId: string) {
  return tx
    .select({
      id: tierChanges.id,
      decidedOn: tierChanges.decidedOn,
      fromTier: tierChanges.fromTier,
      toTier: tierChanges.toTier,
      decision: tierChanges.decision,
      justification: tierChanges.justification,
      team: tierChanges.team,
      lowFidelityReason: tierChanges.lowFidelityReason,
      decidedByName: users.name,
    })
    .from(tierChanges)
    .leftJoin(users, tenantJoin(users.id, tierChanges.decidedBy))
    .where(and(eq(tierChanges.tenantId, tenantId), eq(tierChanges.studentId, studentId)))
    .orderBy(asc(tierChanges.decidedOn), asc(tierChanges.createdAt));
}

/** Parent communication is part of the record (Scenario 12): to whom, when, what, why, how it went. */
export async function communicationsOf(tx: Tx, tenantId: string, studentId: string) {
  return tx
    .select({
      id: communications.id,
      createdAt: communications.createdAt,
      sentAt: communications.sentAt,
      kind: communications.kind,
      channel: communications.channel,
      language: communications.language,
      toAddress: communications.toAddress,
      subject: communications.subject,
      reason: communications.reason,
      status: communications.status,
    })
    .from(communications)
    .where(and(eq(communications.tenantId, tenantId), eq(communications.studentId, studentId)))
    .orderBy(asc(communications.createdAt));
}

export async function disclosuresOf(tx: Tx, tenantId: string, studentId: string) {
  return tx
    .select({
      id: disclosures.id,
      disclosedAt: disclosures.disclosedAt,
      disclosedTo: disclosures.disclosedTo,
      purpose: disclosures.purpose,
      details: disclosures.details,
      disclosedByName: users.name,
    })
    .from(disclosures)
    .leftJoin(users, tenantJoin(users.id, disclosures.disclosedBy))
    .where(and(eq(disclosures.tenantId, tenantId), eq(disclosures.studentId, studentId)))
    .orderBy(desc(disclosures.disclosedAt));
}

export async function disclosureById(tx: Tx, tenantId: string, id: string) {
  const [row] = await tx
    .select()
    .from(disclosures)
    .where(and(eq(disclosures.tenantId, tenantId), eq(disclosures.id, id)));
  return row ?? null;
}

/* ---- Verifying the chain (owner role, across districts) ---- */

/** Every district, for the operator's chain check (the owner may read the district list). */
export async function allDistricts(db: Database) {
  return db
    .select({ id: districts.id, name: districts.name })
    .from(districts)
    .orderBy(asc(districts.name));
}
