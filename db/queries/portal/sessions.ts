import { and, asc, eq, gte, lte, sql } from "drizzle-orm";
import type { Tx } from "../../client";
import { interventionSessions, rooms } from "../../schema";
import { sessionTimeColumns } from "../sessions/session-columns";
import { tenantJoin } from "../tenant-join";
import { ofGroups } from "../tenant-row";

/**
 * The next sessions of these groups for a family: still scheduled (not held, not cancelled) and
 * starting at or after `from`, at most `perGroup` of each group, earliest first.
 */
export async function upcomingSessions(
  tx: Tx,
  tenantId: string,
  interventionIds: readonly string[],
  from: Date,
  perGroup: number,
) {
  if (interventionIds.length === 0) return [];
  const ranked = tx
    .select({
      ...sessionTimeColumns,
      roomName: sql<string | null>`${rooms.name}`.as("room_name"),
      position: sql<number>`row_number() over (
        partition by ${interventionSessions.interventionId} order by ${interventionSessions.startsAt})`.as(
        "position",
      ),
    })
    .from(interventionSessions)
    .leftJoin(rooms, tenantJoin(rooms.id, interventionSessions.roomId))
    .where(
      and(
        ofGroups(interventionSessions, tenantId, interventionIds),
        eq(interventionSessions.status, "scheduled"),
        gte(interventionSessions.startsAt, from),
      ),
    )
    .as("ranked");
  return tx
    .select({
      id: ranked.id,
      interventionId: ranked.interventionId,
      date: ranked.date,
      startsAt: ranked.startsAt,
      minutes: ranked.minutes,
      roomName: ranked.roomName,
    })
    .from(ranked)
    .where(lte(ranked.position, perGroup))
    .orderBy(asc(ranked.startsAt), asc(ranked.id));
}
