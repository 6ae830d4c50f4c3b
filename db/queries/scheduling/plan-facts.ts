import { and, asc, countDistinct, eq, gte, inArray, lt, ne, type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../client";
import {
  interventionEnrollments,
  interventionFacilitators,
  interventionResources,
  interventionSessions,
  interventions,
  resources,
  rooms,
  scheduleBookings,
  staff,
  students,
} from "../../schema";
import { tenantJoin } from "../tenant-join";

/**
 * What a planned schedule is checked against (lib/use-cases/scheduling/plan-conflicts.ts): the
 * bookings and sessions of other groups in the plan's weeks, and the people, room and resources
 * it names. Every read leaves the edited group itself out.
 */

export interface PlanWindow {
  tenantId: string;
  from: Date;
  to: Date;
  /** The group being edited, whose own bookings are no conflict; null for a new one. */
  excludeInterventionId: string | null;
}

const groupsOtherThan = (excluded: string | null) =>
  excluded ? ne(interventions.id, excluded) : undefined;

/** A stored instant on the district's wall clock, computed by PostgreSQL: `YYYY-MM-DD`. */
const localDate = (instant: SQL, timeZone: string) =>
  sql<string>`to_char((${instant}) at time zone ${timeZone}::text, 'YYYY-MM-DD')`;
/** …and `HH:MM`. */
const localTime = (instant: SQL, timeZone: string) =>
  sql<string>`to_char((${instant}) at time zone ${timeZone}::text, 'HH24:MI')`;

/**
 * Bookings of these rooms, people and resources overlapping the window, with their group's name,
 * on the district's wall clock. One query per kind of holder, so each is answered by its
 * exclusion constraint's index on (district, holder, time range).
 */
export async function bookingsInWindow(
  tx: Tx,
  window: PlanWindow & { timeZone: string },
  holders: { roomIds: string[]; staffIds: string[]; resourceIds: string[] },
  /** Only bookings that overlap this time of day on the wall clock ("HH:MM", end excluded). */
  clock?: { from: string; to: string },
) {
  const byHolder = [
    { column: scheduleBookings.roomId, ids: holders.roomIds },
    { column: scheduleBookings.staffId, ids: holders.staffIds },
    { column: scheduleBookings.resourceId, ids: holders.resourceIds },
  ].filter((holder) => holder.ids.length > 0);
  const starts = sql`lower(${scheduleBookings.during})`;
  const ends = sql`upper(${scheduleBookings.during})`;
  const rows = await Promise.all(
    byHolder.map(({ column, ids }) =>
      tx
        .select({
          roomId: scheduleBookings.roomId,
          staffId: scheduleBookings.staffId,
          resourceId: scheduleBookings.resourceId,
          date: localDate(starts, window.timeZone),
          startTime: localTime(starts, window.timeZone),
          endTime: localTime(ends, window.timeZone),
          interventionName: interventions.name,
        })
        .from(scheduleBookings)
        .innerJoin(interventions, tenantJoin(interventions.id, scheduleBookings.interventionId))
        .where(
          and(
            eq(scheduleBookings.tenantId, window.tenantId),
            inArray(column, ids),
            sql`${scheduleBookings.during} && tstzrange(${window.from.toISOString()}::timestamptz, ${window.to.toISOString()}::timestamptz, '[)')`,
            groupsOtherThan(window.excludeInterventionId),
            clock
              ? sql`(${starts} at time zone ${window.timeZone}::text)::time < ${clock.to}::time
                    and (${ends} at time zone ${window.timeZone}::text)::time > ${clock.from}::time`
              : undefined,
          ),
        ),
    ),
  );
  return rows.flat();
}

/** The sessions these students have in their other groups within the window, on the wall clock. */
export async function studentSessionsInWindow(
  tx: Tx,
  window: PlanWindow & { timeZone: string },
  studentIds: string[],
) {
  if (studentIds.length === 0) return [];
  const starts = sql`${interventionSessions.startsAt}`;
  const ends = sql`${interventionSessions.startsAt} + make_interval(mins => ${interventionSessions.minutes})`;
  return tx
    .select({
      studentId: interventionEnrollments.studentId,
      date: localDate(starts, window.timeZone),
      startTime: localTime(starts, window.timeZone),
      endTime: localTime(ends, window.timeZone),
      interventionName: interventions.name,
    })
    .from(interventionEnrollments)
    .innerJoin(interventions, tenantJoin(interventions.id, interventionEnrollments.interventionId))
    .innerJoin(
      interventionSessions,
      tenantJoin(interventionSessions.interventionId, interventionEnrollments.interventionId),
    )
    .where(
      and(
        eq(interventionEnrollments.tenantId, window.tenantId),
        inArray(interventionEnrollments.studentId, studentIds),
        eq(interventionEnrollments.isActive, true),
        inArray(interventions.status, ["planned", "active"]),
        ne(interventionSessions.status, "cancelled"),
        gte(interventionSessions.startsAt, window.from),
        lt(interventionSessions.startsAt, window.to),
        groupsOtherThan(window.excludeInterventionId),
      ),
    );
}

/** The named people: their names, caseload caps and the students of their other open groups. */
export async function staffWithCaseloads(tx: Tx, window: PlanWindow, staffIds: string[]) {
  if (staffIds.length === 0) return [];
  const caseloads = tx
    .select({
      staffId: interventionFacilitators.staffId,
      students: countDistinct(interventionEnrollments.studentId).as("students"),
    })
    .from(interventionFacilitators)
    .innerJoin(interventions, tenantJoin(interventions.id, interventionFacilitators.interventionId))
    .innerJoin(
      interventionEnrollments,
      tenantJoin(interventionEnrollments.interventionId, interventionFacilitators.interventionId),
    )
    .where(
      and(
        eq(interventionFacilitators.tenantId, window.tenantId),
        inArray(interventionFacilitators.staffId, staffIds),
        inArray(interventions.status, ["planned", "active"]),
        eq(interventionEnrollments.isActive, true),
        groupsOtherThan(window.excludeInterventionId),
      ),
    )
    .groupBy(interventionFacilitators.staffId)
    .as("caseloads");
  return tx
    .select({
      id: staff.id,
      name: staff.displayName,
      caseloadCap: staff.caseloadCap,
      caseload: sql<number>`coalesce(${caseloads.students}, 0)`.mapWith(Number),
    })
    .from(staff)
    .leftJoin(caseloads, eq(caseloads.staffId, staff.id))
    .where(and(eq(staff.tenantId, window.tenantId), inArray(staff.id, staffIds)));
}

export async function studentNames(tx: Tx, tenantId: string, studentIds: string[]) {
  if (studentIds.length === 0) return [];
  return tx
    .select({
      id: students.id,
      name: sql<string>`${students.firstName} || ' ' || ${students.lastName}`,
      schoolId: students.schoolId,
    })
    .from(students)
    .where(and(eq(students.tenantId, tenantId), inArray(students.id, studentIds)));
}

/** The rooms of a school, smallest first: the room asked for and the ones offered instead. */
export async function roomsOfSchool(tx: Tx, tenantId: string, schoolId: string) {
  return tx
    .select({
      id: rooms.id,
      name: rooms.name,
      capacity: rooms.capacity,
      schoolId: rooms.schoolId,
    })
    .from(rooms)
    .where(and(eq(rooms.tenantId, tenantId), eq(rooms.schoolId, schoolId)))
    .orderBy(asc(rooms.capacity), asc(rooms.name));
}

export async function roomById(tx: Tx, tenantId: string, roomId: string) {
  const [row] = await tx
    .select({
      id: rooms.id,
      name: rooms.name,
      capacity: rooms.capacity,
      schoolId: rooms.schoolId,
    })
    .from(rooms)
    .where(and(eq(rooms.tenantId, tenantId), eq(rooms.id, roomId)));
  return row ?? null;
}

/** The resources named, in use (not retired), with their pool sizes. */
export async function resourcesByIds(tx: Tx, tenantId: string, resourceIds: string[]) {
  if (resourceIds.length === 0) return [];
  return tx
    .select({ id: resources.id, name: resources.name, pool: resources.quantity })
    .from(resources)
    .where(
      and(
        eq(resources.tenantId, tenantId),
        inArray(resources.id, resourceIds),
        sql`${resources.retiredAt} is null`,
      ),
    );
}

/** Who and what a group's sessions take now: its facilitators, room, students and resources. */
export async function participantsOf(tx: Tx, tenantId: string, interventionId: string) {
  const [group] = await tx
    .select({ roomId: interventions.roomId })
    .from(interventions)
    .where(and(eq(interventions.tenantId, tenantId), eq(interventions.id, interventionId)));
  const [facilitators, enrolled, needs] = await Promise.all([
    tx
      .select({ id: interventionFacilitators.staffId })
      .from(interventionFacilitators)
      .where(
        and(
          eq(interventionFacilitators.tenantId, tenantId),
          eq(interventionFacilitators.interventionId, interventionId),
        ),
      ),
    tx
      .select({ id: interventionEnrollments.studentId })
      .from(interventionEnrollments)
      .where(
        and(
          eq(interventionEnrollments.tenantId, tenantId),
          eq(interventionEnrollments.interventionId, interventionId),
          eq(interventionEnrollments.isActive, true),
        ),
      ),
    resourceNeedsOfGroup(tx, tenantId, interventionId),
  ]);
  return {
    interventionId,
    roomId: group?.roomId ?? null,
    facilitatorIds: facilitators.map((f) => f.id),
    studentIds: enrolled.map((e) => e.id),
    resources: needs,
  };
}

/** What a group holds in each session: resource and units, in a stable order. */
export async function resourceNeedsOfGroup(tx: Tx, tenantId: string, interventionId: string) {
  return tx
    .select({
      resourceId: interventionResources.resourceId,
      quantity: interventionResources.quantity,
    })
    .from(interventionResources)
    .where(
      and(
        eq(interventionResources.tenantId, tenantId),
        eq(interventionResources.interventionId, interventionId),
      ),
    )
    .orderBy(asc(interventionResources.resourceId));
}
