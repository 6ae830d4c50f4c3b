import { addDays, isWeekend, type LocalDate, weekStartOf } from "../calendar/dates";
import { toCsv } from "../csv-export";
import { roundTo } from "../progress/format";
import { z } from "../zod";
import type { ResourceKind } from "./kinds";
import { SCHOOL_DAY_HOURS } from "./school-time";

/**
 * Resource utilization (docs/domain.md, "Resource utilization"): for each room and each
 * resource pool, the hours its bookings take against the hours it is available, week by week,
 * the most units in use at once, and whether it sat idle.
 */

/** Longest period one report covers. */
export const MAX_UTILIZATION_DAYS = 371;

const isoDate = z.iso.date();

/** `from`/`to` are district-calendar dates, both included; `to` defaults to four weeks on. */
export const utilizationQuerySchema = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    schoolId: z.uuid().optional(),
  })
  .refine((q) => !q.from || !q.to || q.to >= q.from, {
    path: ["to"],
    message: "Choose an end date on or after the start date.",
  });

export const utilizationApiQuerySchema = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    schoolId: z.uuid().optional(),
    format: z.enum(["json", "csv"]).default("json"),
  })
  .refine((q) => !q.from || !q.to || q.to >= q.from, {
    path: ["to"],
    message: "Choose an end date on or after the start date.",
  });

export type UtilizationQuery = z.output<typeof utilizationQuerySchema>;

/**
 * The period a report covers: the dates asked for, else the current week's Monday and four
 * weeks from it. A period longer than a year is refused by the caller.
 */
export function utilizationPeriod(
  query: { from?: LocalDate; to?: LocalDate },
  today: LocalDate,
): { from: LocalDate; to: LocalDate } {
  const from = query.from ?? (query.to ? addDays(query.to, -27) : weekStartOf(today));
  const to = query.to ?? addDays(from, 27);
  return { from, to };
}

/** Weekdays from `from` to `to` (both included) that are not on the district's closed days. */
export function instructionalDays(
  from: LocalDate,
  to: LocalDate,
  closed: ReadonlySet<LocalDate>,
): LocalDate[] {
  const days: LocalDate[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    if (!isWeekend(day) && !closed.has(day)) days.push(day);
  }
  return days;
}

type UtilizationKind = "room" | ResourceKind;

export interface UtilizationTarget {
  /** `room:<id>` or `resource:<id>`: what the bookings name. */
  key: string;
  id: string;
  kind: UtilizationKind;
  name: string;
  schoolId: string | null;
  /** "District-wide" for a pool no school owns. */
  schoolName: string;
  /** Units in the pool; 1 for a room. */
  units: number;
}

export interface UtilizationBooking {
  key: string;
  /** The session's date on the district calendar. */
  date: LocalDate;
  startMs: number;
  endMs: number;
}

interface UtilizationWeek {
  weekStart: LocalDate;
  hoursBooked: number;
  hoursAvailable: number;
}

export interface UtilizationRow extends UtilizationTarget {
  hoursBooked: number;
  hoursAvailable: number;
  /** Booked ÷ available; `null` when nothing was available (a period with no school day). */
  utilization: number | null;
  averageWeeklyHoursBooked: number;
  averageWeeklyHoursAvailable: number;
  /** Most units in use at the same moment, and the first moment it happened. */
  peakUnits: number;
  peakAt: number | null;
  /** No booking at all in the period. */
  idle: boolean;
  weeks: UtilizationWeek[];
}

/** The most bookings that overlap at one moment (ranges are half-open: an end frees at once). */
function peakOf(bookings: readonly UtilizationBooking[]): { units: number; at: number | null } {
  const edges = bookings.flatMap((b) => [
    { at: b.startMs, delta: 1 },
    { at: b.endMs, delta: -1 },
  ]);
  edges.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let current = 0;
  let best = { units: 0, at: null as number | null };
  for (const edge of edges) {
    current += edge.delta;
    if (current > best.units) best = { units: current, at: edge.at };
  }
  return best;
}

/**
 * Hours booked against hours available, per target and per week. A unit is available
 * `SCHOOL_DAY_HOURS` on each instructional day of the period; a week at either end counts only
 * its days inside the period. Each booking row holds one unit (a room, or one item of a pool),
 * so a session that takes 3 iPads for 30 minutes books 1.5 hours. Bookings are counted in the
 * week of their session's date. Full precision: round with `roundUtilization`.
 */
export function computeUtilization(input: {
  days: readonly LocalDate[];
  targets: readonly UtilizationTarget[];
  bookings: readonly UtilizationBooking[];
}): UtilizationRow[] {
  const daysPerWeek = new Map<LocalDate, number>();
  for (const day of input.days) {
    const week = weekStartOf(day);
    daysPerWeek.set(week, (daysPerWeek.get(week) ?? 0) + 1);
  }
  const weekStarts = [...daysPerWeek.keys()].sort();
  const byKey = new Map<string, UtilizationBooking[]>();
  for (const booking of input.bookings) {
    const list = byKey.get(booking.key) ?? [];
    list.push(booking);
    byKey.set(booking.key, list);
  }
  return input.targets.map((target) => {
    const bookings = byKey.get(target.key) ?? [];
    const bookedPerWeek = new Map<LocalDate, number>();
    for (const b of bookings) {
      const week = weekStartOf(b.date);
      bookedPerWeek.set(week, (bookedPerWeek.get(week) ?? 0) + (b.endMs - b.startMs) / 3_600_000);
    }
    const weeks = weekStarts.map((weekStart) => ({
      weekStart,
      hoursBooked: bookedPerWeek.get(weekStart) ?? 0,
      hoursAvailable: (daysPerWeek.get(weekStart) ?? 0) * SCHOOL_DAY_HOURS * target.units,
    }));
    const hoursBooked = [...bookedPerWeek.values()].reduce((a, b) => a + b, 0);
    const hoursAvailable = weeks.reduce((sum, w) => sum + w.hoursAvailable, 0);
    const peak = peakOf(bookings);
    const weekCount = Math.max(1, weeks.length);
    return {
      ...target,
      hoursBooked,
      hoursAvailable,
      utilization: hoursAvailable > 0 ? hoursBooked / hoursAvailable : null,
      averageWeeklyHoursBooked: hoursBooked / weekCount,
      averageWeeklyHoursAvailable: hoursAvailable / weekCount,
      peakUnits: peak.units,
      peakAt: peak.at,
      idle: bookings.length === 0,
      weeks,
    };
  });
}

/** Hours to 2 decimals and the ratio to 4 (so a percentage keeps 2), once, at the edge. */
export function roundUtilization(row: UtilizationRow): UtilizationRow {
  return {
    ...row,
    hoursBooked: roundTo(row.hoursBooked, 2),
    hoursAvailable: roundTo(row.hoursAvailable, 2),
    utilization: row.utilization === null ? null : roundTo(row.utilization, 4),
    averageWeeklyHoursBooked: roundTo(row.averageWeeklyHoursBooked, 2),
    averageWeeklyHoursAvailable: roundTo(row.averageWeeklyHoursAvailable, 2),
    weeks: row.weeks.map((w) => ({
      ...w,
      hoursBooked: roundTo(w.hoursBooked, 2),
      hoursAvailable: roundTo(w.hoursAvailable, 2),
    })),
  };
}

export const UTILIZATION_CSV_HEADER = [
  "School",
  "Kind",
  "Name",
  "Units",
  "Hours booked",
  "Hours available",
  "Utilization %",
  "Hours booked per week",
  "Hours available per week",
  "Peak units in use",
  "Idle",
] as const;

/** The report as a spreadsheet: one line per room or resource, the figures already rounded. */
export function utilizationCsv(rows: readonly UtilizationRow[]): string {
  return toCsv(
    UTILIZATION_CSV_HEADER,
    rows.map((r) => [
      r.schoolName,
      r.kind,
      r.name,
      r.units,
      r.hoursBooked,
      r.hoursAvailable,
      r.utilization === null ? null : roundTo(r.utilization * 100, 2),
      r.averageWeeklyHoursBooked,
      r.averageWeeklyHoursAvailable,
      r.peakUnits,
      r.idle ? "yes" : "no",
    ]),
  );
}

export function utilizationFileName(period: { from: LocalDate; to: LocalDate }): string {
  return `resource-utilization-${period.from}-to-${period.to}.csv`;
}
