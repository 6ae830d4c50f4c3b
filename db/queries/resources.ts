import { and, asc, between, eq, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { Tx } from "../client";
import {
  interventionResources,
  interventionSessions,
  resources,
  rooms,
  scheduleBookings,
  schools,
} from "../schema";
import { returnedRow } from "./returned-row";
import { tenantJoin } from "./tenant-join";
import { ofGroup } from "./tenant-row";

/**
 * The district's resource catalogue and rooms (Scenario 9), what a group needs of them, and
 * the bookings the utilization report and the budget read (docs/domain.md, "Resource
 * utilization", "Budget impact").
 */

const resourceColumns = {
  id: resources.id,
  kind: resources.kind,
  name: resources.name,
  description: resources.description,
  quantity: resources.quantity,
  location: resources.location,
  schoolId: resources.schoolId,
  schoolName: schools.name,
  costModel: resources.costModel,
  purchaseCents: resources.purchaseCents,
  usefulLifeYears: resources.usefulLifeYears,
  licenceCentsPerStudentYear: resources.licenceCentsPerStudentYear,
  perUseCents: resources.perUseCents,
  retiredAt: resources.retiredAt,
  createdAt: resources.createdAt,
};

export type ResourceRow = Awaited<ReturnType<typeof findResource>> & {};
export type ResourceValues = Omit<
  typeof resources.$inferInsert,
  "tenantId" | "id" | "createdAt" | "retiredAt"
>;

export async function resourcesOfDistrict(
  tx: Tx,
  tenantId: string,
  options: { includeRetired: boolean },
) {
  return tx
    .select(resourceColumns)
    .from(resources)
    .leftJoin(schools, tenantJoin(schools.id, resources.schoolId))
    .where(
      and(
        eq(resources.tenantId, tenantId),
        options.includeRetired ? undefined : isNull(resources.retiredAt),
      ),
    )
    .orderBy(asc(resources.kind), asc(resources.name), asc(resources.id));
}

export async function findResource(tx: Tx, tenantId: string, id: string) {
  const [row] = await tx
    .select(resourceColumns)
    .from(resources)
    .leftJoin(schools, tenantJoin(schools.id, resources.schoolId))
    .where(and(eq(resources.tenantId, tenantId), eq(resources.id, id)));
  return row ?? null;
}

export async function insertResource(tx: Tx, tenantId: string, values: ResourceValues) {
  const rows = await tx
    .insert(resources)
    .values({ ...values, tenantId })
    .returning({ id: resources.id });
  return returnedRow(rows).id;
}

export async function updateResourceRow(
  tx: Tx,
  tenantId: string,
  id: string,
  values: Partial<ResourceValues> & { retiredAt?: Date | null },
): Promise<void> {
  await tx
    .update(resources)
    .set(values)
    .where(and(eq(resources.tenantId, tenantId), eq(resources.id, id)));
}

export async function schoolExistsInDistrict(
  tx: Tx,
  tenantId: string,
  schoolId: string,
): Promise<boolean> {
  const rows = await tx
    .select({ id: schools.id })
    .from(schools)
    .where(and(eq(schools.tenantId, tenantId), eq(schools.id, schoolId)));
  return rows.length > 0;
}

export async function schoolChoices(tx: Tx, tenantId: string) {
  return tx
    .select({ id: schools.id, name: schools.name })
    .from(schools)
    .where(eq(schools.tenantId, tenantId))
    .orderBy(asc(schools.name));
}

/** Every room of the district (or of one school), with its school. */
export async function roomCatalogue(tx: Tx, tenantId: string, schoolId?: string) {
  return tx
    .select({
      id: rooms.id,
      name: rooms.name,
      capacity: rooms.capacity,
      schoolId: rooms.schoolId,
      schoolName: schools.name,
    })
    .from(rooms)
    .innerJoin(schools, tenantJoin(schools.id, rooms.schoolId))
    .where(and(eq(rooms.tenantId, tenantId), schoolId ? eq(rooms.schoolId, schoolId) : undefined))
    .orderBy(asc(schools.name), asc(rooms.name), asc(rooms.id));
}

/** How many of a resource a group needs, and what the resource costs: what a budget prices. */
export const needCostColumns = {
  costModel: resources.costModel,
  quantity: interventionResources.quantity,
  purchaseCents: resources.purchaseCents,
  usefulLifeYears: resources.usefulLifeYears,
  licenceCentsPerStudentYear: resources.licenceCentsPerStudentYear,
  perUseCents: resources.perUseCents,
};

/** What a group needs in each session, with each resource's costs. */
export async function resourceNeedsOf(tx: Tx, tenantId: string, interventionId: string) {
  return tx
    .select({
      id: resources.id,
      name: resources.name,
      kind: resources.kind,
      ...needCostColumns,
    })
    .from(interventionResources)
    .innerJoin(resources, tenantJoin(resources.id, interventionResources.resourceId))
    .where(ofGroup(interventionResources, tenantId, interventionId))
    .orderBy(asc(resources.name), asc(resources.id));
}

/**
 * Room and resource bookings of sessions dated `from` to `to` (both included), with the
 * session's date and the booked range's ends in epoch milliseconds.
 */
export async function bookingsBetween(tx: Tx, tenantId: string, from: string, to: string) {
  return tx
    .select({
      roomId: scheduleBookings.roomId,
      resourceId: scheduleBookings.resourceId,
      date: interventionSessions.sessionDate,
      startMs: sql<number>`extract(epoch from lower(${scheduleBookings.during})) * 1000`.mapWith(
        Number,
      ),
      endMs: sql<number>`extract(epoch from upper(${scheduleBookings.during})) * 1000`.mapWith(
        Number,
      ),
    })
    .from(scheduleBookings)
    .innerJoin(
      interventionSessions,
      tenantJoin(interventionSessions.id, scheduleBookings.sessionId),
    )
    .where(
      and(
        eq(scheduleBookings.tenantId, tenantId),
        or(isNotNull(scheduleBookings.roomId), isNotNull(scheduleBookings.resourceId)),
        between(interventionSessions.sessionDate, from, to),
      ),
    );
}

/** The highest unit of a pool that a booking still to come (ending after `after`) holds. */
export async function highestUnitBookedAfter(
  tx: Tx,
  tenantId: string,
  resourceId: string,
  after: Date,
): Promise<number> {
  const [row] = await tx
    .select({ unit: sql<number | null>`max(${scheduleBookings.unit})` })
    .from(scheduleBookings)
    .where(
      and(
        eq(scheduleBookings.tenantId, tenantId),
        eq(scheduleBookings.resourceId, resourceId),
        sql`upper(${scheduleBookings.during}) > ${after.toISOString()}::timestamptz`,
      ),
    );
  return Number(row?.unit ?? 0);
}
