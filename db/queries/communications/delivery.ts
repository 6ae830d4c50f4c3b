import { and, asc, eq, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../client";
import { communications, guardians, users } from "../../schema";
import { guardianReachesStudent } from "../guardian-links";
import { qualified } from "../qualified";
import type { CommunicationRow } from "./mailbox";

/** The mail worker's side: claiming the messages that are due and recording each attempt. */

/** What the worker needs of a message to send it. */
const communicationColumns = {
  id: communications.id,
  kind: communications.kind,
  toAddress: communications.toAddress,
  language: communications.language,
  subject: communications.subject,
  body: communications.body,
  emailBody: communications.emailBody,
  required: communications.required,
  attempts: communications.attempts,
  reason: communications.reason,
  createdAt: communications.createdAt,
};

/**
 * Messages due for delivery, locked so that two workers never send the same one; rows locked
 * by another worker are skipped rather than waited for. Each comes with what may keep it from
 * going out (lib/domain/letters/recipients.ts → withheldBecause), read at the moment of sending
 * so a restriction or an unsubscribe recorded after the letter was queued still holds:
 * - `contactRestricted`: a letter about a child to a guardian who is no longer reachable about
 *   that child (a restriction recorded, or the link gone);
 * - `optionalMailStopped`: the guardian stopped optional mail.
 * Messages to no guardian (staff notices, password links) have neither.
 */
export async function claimDueCommunications(tx: Tx, tenantId: string, now: Date, limit: number) {
  const toGuardianAboutChild = sql`${qualified(communications.guardianId)} is not null
    and ${qualified(communications.studentId)} is not null`;
  return tx
    .select({
      ...communicationColumns,
      contactRestricted: sql<boolean>`(${toGuardianAboutChild} and not ${guardianReachesStudent(
        communications.tenantId,
        communications.studentId,
        communications.guardianId,
      )})`,
      optionalMailStopped: sql<boolean>`exists (select 1 from ${guardians} g
        where g.tenant_id = ${qualified(communications.tenantId)}
          and g.id = ${qualified(communications.guardianId)}
          and g.optional_mail_stopped_at is not null)`,
    })
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

/**
 * Marks a guardian's queued letters `suppressed` at once, with why: every one about `studentId`
 * (a contact restriction), or every optional one (an unsubscribe). The mail worker checks the
 * same again when it sends, for a letter queued while this ran. Returns how many were withheld.
 */
export async function withholdQueued(
  tx: Tx,
  tenantId: string,
  which: { guardianId: string; studentId?: string; optionalOnly?: boolean },
  note: string,
): Promise<number> {
  const conditions: SQL[] = [
    eq(communications.tenantId, tenantId),
    eq(communications.guardianId, which.guardianId),
    eq(communications.status, "queued"),
  ];
  if (which.studentId) conditions.push(eq(communications.studentId, which.studentId));
  if (which.optionalOnly) conditions.push(eq(communications.required, false));
  const rows = await tx
    .update(communications)
    .set({ status: "suppressed", lastError: note, nextAttemptAt: null })
    .where(and(...conditions))
    .returning({ id: communications.id });
  return rows.length;
}

/**
 * The account a password link is for, found by the address it goes to (the message keeps no
 * link, so the worker signs one as it sends it): its id, whether it is active, and the password
 * the link replaces. The address is unique in the district (users_email_per_district).
 */
export async function accountAtAddress(tx: Tx, tenantId: string, email: string) {
  const [row] = await tx
    .select({ userId: users.id, active: users.active, passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), sql`lower(${users.email}) = lower(${email})`));
  return row ?? null;
}
