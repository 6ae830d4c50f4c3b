import { and, asc, eq, inArray, ne, or, sql } from "drizzle-orm";
import type { Tx } from "../../client";
import {
  interventionFacilitators,
  interventionSessions,
  interventions,
  rooms,
  schools,
  staff,
} from "../../schema";
import { inGroupsFacilitatedBy } from "../facilitated-by";
import { sessionTimeColumns } from "../sessions/session-columns";
import { tenantJoin } from "../tenant-join";
import { ofGroups } from "../tenant-row";

/** What a group's calendar series is made of: the group, its place, its people, its sessions. */

export async function seriesGroups(tx: Tx, tenantId: string, interventionIds: readonly string[]) {
  if (interventionIds.length === 0) return [];
  return tx
    .select({
      id: interventions.id,
      name: interventions.name,
      tier: interventions.tier,
      focusArea: interventions.focusArea,
      status: interventions.status,
      startDate: interventions.startDate,
      endDate: interventions.endDate,
      scheduleDays: interventions.scheduleDays,
      startTime: interventions.startTime,
      sessionMinutes: interventions.sessionMinutes,
      frequency: interventions.frequency,
      calendarSequence: interventions.calendarSequence,
      roomName: rooms.name,
      schoolName: schools.name,
    })
    .from(interventions)
    .leftJoin(rooms, tenantJoin(rooms.id, interventions.roomId))
    .leftJoin(schools, tenantJoin(schools.id, interventions.schoolId))
    .where(
      and(eq(interventions.tenantId, tenantId), inArray(interventions.id, [...interventionIds])),
    )
    .orderBy(asc(interventions.startDate), asc(interventions.id));
}

export async function seriesFacilitators(
  tx: Tx,
  tenantId: string,
  interventionIds: readonly string[],
) {
  if (interventionIds.length === 0) return [];
  return tx
    .select({
      interventionId: interventionFacilitators.interventionId,
      staffId: staff.id,
      name: staff.displayName,
      email: staff.email,
    })
    .from(interventionFacilitators)
    .innerJoin(staff, tenantJoin(staff.id, interventionFacilitators.staffId))
    .where(ofGroups(interventionFacilitators, tenantId, interventionIds))
    .orderBy(asc(staff.lastName), asc(staff.id));
}

export async function seriesSessions(tx: Tx, tenantId: string, interventionIds: readonly string[]) {
  if (interventionIds.length === 0) return [];
  return tx
    .select({
      ...sessionTimeColumns,
      status: interventionSessions.status,
      makeupForSessionId: interventionSessions.makeupForSessionId,
    })
    .from(interventionSessions)
    .where(ofGroups(interventionSessions, tenantId, interventionIds))
    .orderBy(asc(interventionSessions.startsAt));
}

/** Raises the group's iCalendar SEQUENCE for a change about to be sent; the new value. */
export async function raiseCalendarSequence(
  tx: Tx,
  tenantId: string,
  interventionId: string,
): Promise<number | null> {
  const [row] = await tx
    .update(interventions)
    .set({ calendarSequence: sql`${interventions.calendarSequence} + 1` })
    .where(and(eq(interventions.tenantId, tenantId), eq(interventions.id, interventionId)))
    .returning({ sequence: interventions.calendarSequence });
  return row?.sequence ?? null;
}

/** The groups a person's own calendar shows: those they facilitate or created, not cancelled. */
export async function calendarGroupIdsOf(
  tx: Tx,
  tenantId: string,
  person: { userId: string; staffId: string | null },
): Promise<string[]> {
  const facilitates = person.staffId
    ? inGroupsFacilitatedBy(tx, interventions.id, tenantId, person.staffId)
    : undefined;
  const rows = await tx
    .select({ id: interventions.id })
    .from(interventions)
    .where(
      and(
        eq(interventions.tenantId, tenantId),
        ne(interventions.status, "cancelled"),
        or(eq(interventions.createdBy, person.userId), facilitates),
      ),
    )
    .orderBy(asc(interventions.startDate), asc(interventions.id));
  return rows.map((r) => r.id);
}

/** Names and addresses of staff members (e.g. facilitators just taken off a group). */
export async function staffContacts(tx: Tx, tenantId: string, staffIds: readonly string[]) {
  if (staffIds.length === 0) return [];
  return tx
    .select({ staffId: staff.id, name: staff.displayName, email: staff.email })
    .from(staff)
    .where(and(eq(staff.tenantId, tenantId), inArray(staff.id, [...staffIds])))
    .orderBy(asc(staff.lastName), asc(staff.id));
}
