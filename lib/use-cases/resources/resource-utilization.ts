import { districtOf, nonInstructionalDaysBetween } from "@/db/queries/districts";
import {
  bookingsBetween,
  resourcesOfDistrict,
  roomCatalogue,
  schoolChoices,
} from "@/db/queries/resources";
import { withTenant } from "@/db/with-tenant";
import { daysBetween, type LocalDate, todayIn } from "@/lib/domain/calendar/dates";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/domain/errors";
import { canReadUtilization } from "@/lib/domain/policy/resources";
import {
  computeUtilization,
  instructionalDays,
  MAX_UTILIZATION_DAYS,
  roundUtilization,
  type UtilizationQuery,
  type UtilizationRow,
  type UtilizationTarget,
  utilizationPeriod,
} from "@/lib/domain/scheduling/utilization";
import type { UseCaseContext } from "../context";

export interface UtilizationReport {
  from: LocalDate;
  to: LocalDate;
  schoolId: string | null;
  /** Instructional days in the period (weekdays that are not closed days). */
  instructionalDays: number;
  schools: { id: string; name: string }[];
  rows: UtilizationRow[];
}

/** "District-wide": the school name of a pool no school owns. */
const DISTRICT_WIDE = "District-wide";

/**
 * Hours booked against hours available per room and resource, per week, with peak units in
 * use and idle ones (docs/domain.md, "Resource utilization"). Admins only. A school filter
 * keeps that school's rooms and resources and the district-wide pools (whose figures stay the
 * whole district's: the pool is shared). Retired resources are left out.
 */
export async function resourceUtilization(
  ctx: UseCaseContext,
  query: UtilizationQuery,
): Promise<UtilizationReport> {
  if (!canReadUtilization(ctx.actor))
    throw new ForbiddenError("Only district admins see resource utilization.");
  const { tenantId } = ctx.actor;
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const district = await districtOf(tx, tenantId);
    const { from, to } = utilizationPeriod(query, todayIn(district.timeZone, ctx.now()));
    if (daysBetween(from, to) + 1 > MAX_UTILIZATION_DAYS)
      throw new ValidationError([
        { path: "to", message: `Choose a period of at most ${MAX_UTILIZATION_DAYS} days.` },
      ]);
    const schools = await schoolChoices(tx, tenantId);
    if (query.schoolId && !schools.some((s) => s.id === query.schoolId))
      throw new NotFoundError("School");
    const [rooms, pools, bookings, closed] = await Promise.all([
      roomCatalogue(tx, tenantId, query.schoolId),
      resourcesOfDistrict(tx, tenantId, { includeRetired: false }),
      bookingsBetween(tx, tenantId, from, to),
      nonInstructionalDaysBetween(tx, tenantId, from, to),
    ]);
    const targets: UtilizationTarget[] = [
      ...rooms.map((room) => ({
        key: `room:${room.id}`,
        id: room.id,
        kind: "room" as const,
        name: room.name,
        schoolId: room.schoolId,
        schoolName: room.schoolName,
        units: 1,
      })),
      ...pools
        .filter((r) => !query.schoolId || r.schoolId === null || r.schoolId === query.schoolId)
        .map((r) => ({
          key: `resource:${r.id}`,
          id: r.id,
          kind: r.kind,
          name: r.name,
          schoolId: r.schoolId,
          schoolName: r.schoolName ?? DISTRICT_WIDE,
          units: r.quantity,
        })),
    ].sort(
      (a, b) =>
        a.schoolName.localeCompare(b.schoolName) ||
        a.kind.localeCompare(b.kind) ||
        a.name.localeCompare(b.name),
    );
    const days = instructionalDays(from, to, closed);
    const rows = computeUtilization({
      days,
      targets,
      bookings: bookings.map((b) => ({
        key: b.roomId ? `room:${b.roomId}` : `resource:${b.resourceId}`,
        date: b.date,
        startMs: b.startMs,
        endMs: b.endMs,
      })),
    });
    return {
      from,
      to,
      schoolId: query.schoolId ?? null,
      instructionalDays: days.length,
      schools,
      rows: rows.map(roundUtilization),
    };
  });
}
