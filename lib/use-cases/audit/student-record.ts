import type { Tx } from "@/db/client";
import {
  communicationsOf,
  disclosuresOf,
  studentAuditTrail,
  studentSummary,
  tierHistoryOf,
} from "@/db/queries/audit-trail";
import { enrollmentsWithSchedule } from "@/db/queries/students";
import { type CsvCell, toCsv } from "@/lib/domain/csv-export";
import { NotFoundError } from "@/lib/domain/errors";

/**
 * One student's compliance record for an IEP meeting or a review: who they are, their tier
 * history with justifications, their interventions, every message to the family, earlier
 * disclosures, and the audit trail of every change that concerned them.
 */
export async function loadStudentRecord(tx: Tx, tenantId: string, studentId: string) {
  const student = await studentSummary(tx, tenantId, studentId);
  if (!student) throw new NotFoundError("Student");
  const [tierHistory, enrollments, communications, disclosures, auditTrail] = await Promise.all([
    tierHistoryOf(tx, tenantId, studentId),
    enrollmentsWithSchedule(tx, tenantId, [studentId]),
    communicationsOf(tx, tenantId, studentId),
    disclosuresOf(tx, tenantId, studentId),
    studentAuditTrail(tx, tenantId, studentId),
  ]);
  return { student, tierHistory, enrollments, communications, disclosures, auditTrail };
}

export type StudentRecord = Awaited<ReturnType<typeof loadStudentRecord>>;

const CSV_HEADER = ["section", "date", "who", "what", "details", "reason"] as const;

const iso = (value: Date | null | undefined) => value?.toISOString() ?? null;
const json = (value: unknown) =>
  value === null || value === undefined ? "" : JSON.stringify(value);

/** The record as one CSV timeline: one line per fact, each with its section. */
export function studentRecordCsv(record: StudentRecord): string {
  const { student } = record;
  const rows: CsvCell[][] = [
    [
      "student",
      null,
      null,
      `${student.firstName} ${student.lastName}`,
      `student number ${student.localId}; grade ${student.grade}; ${student.schoolName}; current tier ${student.currentTier}${student.active ? "" : "; inactive"}`,
      null,
    ],
    ...record.tierHistory.map((t) => [
      "tier change",
      t.decidedOn,
      t.decidedByName,
      `${t.decision}: tier ${t.fromTier ?? "-"} to ${t.toTier}`,
      null,
      t.justification,
    ]),
    ...record.enrollments.map((e) => [
      "intervention",
      e.enrollmentDate,
      null,
      `${e.name} (tier ${e.tier}, ${e.focusArea})`,
      `${e.frequency}; ${e.isActive ? "enrolled" : `exited ${e.exitDate ?? ""}`}`,
      e.goal,
    ]),
    ...record.communications.map((c) => [
      "family communication",
      iso(c.sentAt ?? c.createdAt),
      c.toAddress,
      `${c.kind} by ${c.channel}: ${c.subject}`,
      c.status,
      c.reason,
    ]),
    ...record.disclosures.map((d) => [
      "disclosure",
      iso(d.disclosedAt),
      d.disclosedByName,
      `to ${d.disclosedTo}`,
      json(d.details),
      d.purpose,
    ]),
    ...record.auditTrail.map((a) => [
      "audit",
      iso(a.occurredAt),
      a.actorName ? `${a.actorName} (${a.actorRole ?? "?"})` : a.actorRole,
      `${a.action} ${a.entityType}${a.entityId ? ` ${a.entityId}` : ""}`,
      [a.before ? `before ${json(a.before)}` : "", a.after ? `after ${json(a.after)}` : ""]
        .filter(Boolean)
        .join("; "),
      a.reason,
    ]),
  ];
  return toCsv(CSV_HEADER, rows);
}

export const recordLineCount = (record: StudentRecord) =>
  1 +
  record.tierHistory.length +
  record.enrollments.length +
  record.communications.length +
  record.disclosures.length +
  record.auditTrail.length;
