import type { Actor } from "@/lib/domain/policy";
import type { Tx } from "../client";
import { auditLog } from "../schema";

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | null;
  studentId?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/** Appends audit rows in the caller's transaction: they commit with the change or not at all. */
export async function appendAudit(
  tx: Tx,
  actor: Actor,
  requestId: string,
  entries: AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(auditLog).values(
    entries.map((entry) => ({
      tenantId: actor.tenantId,
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
