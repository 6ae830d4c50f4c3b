import { and, count, desc, eq, gt, or, type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../client";
import { communications, students } from "../../schema";
import { tenantJoin } from "../tenant-join";

/** The district's log of messages: each one queued here, and read back by the admin's mailbox. */

export type CommunicationRow = typeof communications.$inferSelect;
/**
 * A message to log and queue. `createdAt` defaults to the database's clock; a use-case that
 * later compares against it (e.g. one password link per ten minutes) passes its own.
 */
export type NewCommunication = Omit<typeof communications.$inferInsert, "id">;

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
