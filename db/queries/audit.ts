import { now } from "@/lib/clock";
import type { Actor } from "@/lib/domain/policy";
import { isLoggedReader } from "@/lib/domain/policy";
import type { Tx } from "../client";
import { auditLog, disclosures } from "../schema";
import { returnedRow } from "./returned-row";

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | null;
  studentId?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/**
 * Appends audit rows in the caller's transaction: they commit with the change or not at all,
 * and are queued for the sealer, which chains them after commit (drizzle/0018_audit_seals.sql).
 * They are stamped by the app's clock (lib/clock.ts) like every other "when" the app records,
 * so a pinned demo's trail and its filters speak of the same days.
 */
export async function appendAudit(
  tx: Tx,
  actor: Actor,
  requestId: string,
  entries: AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const occurredAt = now();
  await tx.insert(auditLog).values(
    entries.map((entry) => ({
      tenantId: actor.tenantId,
      occurredAt,
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      studentId: entry.studentId ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
      reason: entry.reason ?? null,
      requestId,
    })),
  );
}

export interface ReadTarget {
  /** e.g. `student`, `progress_note`. The audit action becomes `<entityType>.read`. */
  entityType: string;
  entityId: string | null;
  studentId?: string | null;
  /** What exactly was shown, e.g. `{ view: "progress", noteIds: [...] }`. */
  details?: Record<string, unknown>;
}

/**
 * Logs that staff read a confidential record (FERPA's "reasonable methods"): one audit row per
 * record shown, in the reading transaction. A family reading its own child's record is not
 * logged (see isLoggedReader). The insert takes no lock: the sealer chains the row after
 * commit (docs/decisions/0027-audit-seals.md), so a read waits for no other reader or writer.
 */
export async function recordRead(
  tx: Tx,
  actor: Actor,
  requestId: string,
  targets: ReadTarget | ReadTarget[],
): Promise<void> {
  if (!isLoggedReader(actor)) return;
  const list = Array.isArray(targets) ? targets : [targets];
  await appendAudit(
    tx,
    actor,
    requestId,
    list.map((target) => ({
      action: `${target.entityType}.read`,
      entityType: target.entityType,
      entityId: target.entityId,
      studentId: target.studentId ?? null,
      after: target.details ?? null,
    })),
  );
}

/**
 * The read-log rows for progress notes shown to a reader: one per student whose notes were
 * shown, naming the notes, so a student's compliance record says who read which notes without
 * a row per note on every page view.
 */
export function notesReadTargets(
  notes: { id: string; studentId: string }[],
  view: string,
): ReadTarget[] {
  const byStudent = new Map<string, string[]>();
  for (const note of notes) {
    const ids = byStudent.get(note.studentId) ?? [];
    ids.push(note.id);
    byStudent.set(note.studentId, ids);
  }
  return [...byStudent].map(([studentId, noteIds]) => ({
    entityType: "progress_note",
    entityId: noteIds.length === 1 ? noteIds[0]! : null,
    studentId,
    details: { view, noteIds },
  }));
}

/**
 * The read-log row for a list of students shown at once (a report, a session's roster, a group's
 * effectiveness, the event feed, the mailbox): one row per view, not one per student, naming the
 * students shown (`after.studentIds`, with their `count`) so the reads of one child can still be
 * found. A list of one names the student in the row's `student_id` as well (decision 0007).
 */
export function listReadTarget(
  view: string,
  studentIds: Iterable<string>,
  details: Record<string, unknown> = {},
): ReadTarget {
  const shown = [...new Set(studentIds)];
  return {
    entityType: "student_list",
    entityId: null,
    studentId: shown.length === 1 ? shown[0] : null,
    details: { view, ...details, count: shown.length, studentIds: shown },
  };
}

export interface Disclosure {
  studentId: string | null;
  /** Who receives the records, e.g. "IEP team, Maple Grove Elementary". */
  disclosedTo: string;
  /** The legitimate interest, e.g. "Annual IEP review". */
  purpose: string;
  /** What left: e.g. { kind: "compliance-export", format: "csv", rows: 120 }. */
  details: Record<string, unknown>;
}

/**
 * Every export or outside disclosure of student records leaves a disclosure record (FERPA
 * 99.32) and an audit row, in the exporting transaction. Returns the disclosure's id.
 */
export async function recordDisclosure(
  tx: Tx,
  actor: Actor,
  requestId: string,
  disclosure: Disclosure,
): Promise<string> {
  const row = returnedRow(
    await tx
      .insert(disclosures)
      .values({
        tenantId: actor.tenantId,
        studentId: disclosure.studentId,
        disclosedTo: disclosure.disclosedTo,
        purpose: disclosure.purpose,
        details: disclosure.details,
        disclosedBy: actor.userId,
      })
      .returning({ id: disclosures.id }),
  );
  await appendAudit(tx, actor, requestId, [
    {
      action: "disclosure.recorded",
      entityType: "disclosure",
      entityId: row.id,
      studentId: disclosure.studentId,
      after: disclosure,
      reason: disclosure.purpose,
    },
  ]);
  return row.id;
}
