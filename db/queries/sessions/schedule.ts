import { and, eq, gte, inArray, sql } from "drizzle-orm";
import type { Tx } from "../../client";
import { interventionSessions } from "../../schema";
import { returnedRow } from "../returned-row";
import { ofGroup } from "../tenant-row";

/** Session rows and the changes to a group's schedule: planned, added, held, cancelled, moved. */

export type SessionRow = typeof interventionSessions.$inferSelect;

export async function findSession(tx: Tx, tenantId: string, sessionId: string) {
  const [row] = await tx
    .select()
    .from(interventionSessions)
    .where(
      and(eq(interventionSessions.tenantId, tenantId), eq(interventionSessions.id, sessionId)),
    );
  return row ?? null;
}

/** A planned session, returned as stored. */
export async function insertSession(
  tx: Tx,
  session: typeof interventionSessions.$inferInsert,
): Promise<SessionRow> {
  return returnedRow(await tx.insert(interventionSessions).values(session).returning());
}

/** A new intervention's whole plan of sessions. */
export async function insertSessions(
  tx: Tx,
  sessions: (typeof interventionSessions.$inferInsert)[],
): Promise<void> {
  await tx.insert(interventionSessions).values(sessions);
}

export async function nextSessionSequence(
  tx: Tx,
  tenantId: string,
  interventionId: string,
): Promise<number> {
  const [row] = await tx
    .select({ last: sql<number>`coalesce(max(${interventionSessions.sequence}), 0)::int` })
    .from(interventionSessions)
    .where(ofGroup(interventionSessions, tenantId, interventionId));
  return (row?.last ?? 0) + 1;
}

async function updateSession(
  tx: Tx,
  tenantId: string,
  sessionId: string,
  changes: Partial<
    Pick<SessionRow, "status" | "notes" | "cancellationReason" | "sessionDate" | "startsAt">
  >,
): Promise<void> {
  await tx
    .update(interventionSessions)
    .set(changes)
    .where(
      and(eq(interventionSessions.tenantId, tenantId), eq(interventionSessions.id, sessionId)),
    );
}

/** Attendance was taken: the session was held, with these notes. */
export function markSessionHeld(tx: Tx, tenantId: string, sessionId: string, notes: string | null) {
  return updateSession(tx, tenantId, sessionId, { status: "held", notes });
}

/** Called off; it stays in the plan, so fidelity counts the dose that was missed. */
export function markSessionCancelled(tx: Tx, tenantId: string, sessionId: string, reason: string) {
  return updateSession(tx, tenantId, sessionId, {
    status: "cancelled",
    cancellationReason: reason,
  });
}

export function moveSession(
  tx: Tx,
  tenantId: string,
  sessionId: string,
  to: { sessionDate: string; startsAt: Date },
) {
  return updateSession(tx, tenantId, sessionId, to);
}

/** A group's sessions as a replan reads them (lib/domain/schedule/replan.ts). */
export async function sessionsForReplan(tx: Tx, tenantId: string, interventionId: string) {
  return tx
    .select({
      id: interventionSessions.id,
      sequence: interventionSessions.sequence,
      date: interventionSessions.sessionDate,
      status: interventionSessions.status,
      makeupForSessionId: interventionSessions.makeupForSessionId,
    })
    .from(interventionSessions)
    .where(ofGroup(interventionSessions, tenantId, interventionId));
}

/** Removes sessions still to come that a replan replaces; their bookings go with them. */
export async function deleteScheduledSessions(
  tx: Tx,
  tenantId: string,
  sessionIds: readonly string[],
): Promise<void> {
  if (sessionIds.length === 0) return;
  await tx
    .delete(interventionSessions)
    .where(
      and(
        eq(interventionSessions.tenantId, tenantId),
        inArray(interventionSessions.id, [...sessionIds]),
        eq(interventionSessions.status, "scheduled"),
      ),
    );
}

/** The group moved room: its sessions still to come move with it (and book the new room). */
export async function moveUpcomingSessionsToRoom(
  tx: Tx,
  tenantId: string,
  interventionId: string,
  from: string,
  roomId: string | null,
): Promise<void> {
  await tx
    .update(interventionSessions)
    .set({ roomId })
    .where(
      and(
        ofGroup(interventionSessions, tenantId, interventionId),
        eq(interventionSessions.status, "scheduled"),
        gte(interventionSessions.sessionDate, from),
      ),
    );
}
