import type { LocalDate } from "../calendar/dates";
import { type ClockTime, clockTimeAt, minutesOf, minutesOverlap } from "./clock-time";
import { type StaffFacts, unavailability } from "./staff-availability";

/**
 * What a planned schedule can collide with (docs/domain.md, "Scheduling"). The first three are
 * double bookings: the database refuses them whatever the district allows. The others a district
 * may let a specialist override with a reason.
 */
export const CONFLICT_KINDS = [
  "room_booked",
  "facilitator_booked",
  "resource_at_capacity",
  "facilitator_unavailable",
  "caseload_exceeded",
  "student_in_class",
  "student_protected_time",
  "student_in_intervention",
  "room_too_small",
] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

const DOUBLE_BOOKINGS: ReadonlySet<ConflictKind> = new Set([
  "room_booked",
  "facilitator_booked",
  "resource_at_capacity",
]);

/** A double booking can never be overridden; the other conflicts can, where the district allows. */
export function isDoubleBooking(kind: ConflictKind): boolean {
  return DOUBLE_BOOKINGS.has(kind);
}

export interface ConflictParty {
  type: "room" | "staff" | "student" | "resource";
  id: string;
  name: string;
}

export interface Conflict {
  kind: ConflictKind;
  /** The session's date and local times; null for a conflict of the plan as a whole (a cap). */
  date: LocalDate | null;
  startTime: ClockTime | null;
  endTime: ClockTime | null;
  with: ConflictParty;
  message: string;
}

/** One planned session on the district's wall clock. */
export interface PlannedSlot {
  date: LocalDate;
  startTime: ClockTime;
  minutes: number;
}

/** Something already holding a room, a person or units of a resource, on the wall clock. */
export interface ExistingBooking {
  date: LocalDate;
  startTime: ClockTime;
  endTime: ClockTime;
  interventionName: string;
  roomId?: string | null;
  staffId?: string | null;
  resourceId?: string | null;
}

/** A stretch of a student's day that is not free: a class, a protected block, another group. */
export interface StudentBusyTime {
  studentId: string;
  date: LocalDate;
  startTime: ClockTime;
  endTime: ClockTime;
  kind: "class" | "protected" | "intervention";
  /** What it is, as a person reads it: "Grade 3 Math", "Lunch", "Fluency Group B". */
  label: string;
}

export interface ScheduleFacts {
  nonInstructionalDays: ReadonlySet<LocalDate>;
  room: { id: string; name: string; capacity: number | null } | null;
  staff: readonly StaffFacts[];
  students: readonly { id: string; name: string }[];
  /** Students the group will have in all; more than `students` when some are enrolled already. */
  groupSize?: number;
  resources: readonly { id: string; name: string; pool: number; wanted: number }[];
  /** Other groups' bookings in the plan's weeks (never the edited group's own). */
  bookings: readonly ExistingBooking[];
  studentBusy: readonly StudentBusyTime[];
}

/** An item of a day with its times as minutes since midnight, read once. */
interface Timed<T> {
  item: T;
  start: number;
  end: number;
}

/**
 * The facts of each day, with times parsed, built once per list: alternatives run the finder
 * dozens of times over the same bookings with another time or room (kept by list identity).
 */
const dayIndexes = new WeakMap<readonly object[], Map<LocalDate, Timed<never>[]>>();

function byDate<T extends { date: LocalDate; startTime: ClockTime; endTime: ClockTime }>(
  items: readonly T[],
): Map<LocalDate, Timed<T>[]> {
  const known = dayIndexes.get(items) as Map<LocalDate, Timed<T>[]> | undefined;
  if (known) return known;
  const index = new Map<LocalDate, Timed<T>[]>();
  for (const item of items) {
    const timed = { item, start: minutesOf(item.startTime), end: minutesOf(item.endTime) };
    const list = index.get(item.date);
    if (list) list.push(timed);
    else index.set(item.date, [timed]);
  }
  dayIndexes.set(items, index as Map<LocalDate, Timed<never>[]>);
  return index;
}

/**
 * Every conflict of a planned series, in date order; days without school hold none. With
 * `firstOnly`, stops at the first one found (all a search for free alternatives needs).
 */
export function findConflicts(
  slots: readonly PlannedSlot[],
  facts: ScheduleFacts,
  options: { firstOnly?: boolean } = {},
): Conflict[] {
  const conflicts: Conflict[] = [...planConflicts(facts)];
  const bookingsOn = byDate(facts.bookings);
  const busyOn = byDate(facts.studentBusy);
  const studentName = new Map(facts.students.map((s) => [s.id, s.name]));
  const done = () => options.firstOnly === true && conflicts.length > 0;

  for (const slot of slots) {
    if (done()) break;
    if (facts.nonInstructionalDays.has(slot.date)) continue;
    const start = minutesOf(slot.startTime);
    const end = start + slot.minutes;
    const at = { date: slot.date, startTime: slot.startTime, endTime: clockTimeAt(end) };
    const clashing = (bookingsOn.get(slot.date) ?? []).filter((b) =>
      minutesOverlap(start, end, b.start, b.end),
    );

    if (facts.room) {
      const taken = clashing.find((b) => b.item.roomId === facts.room?.id)?.item;
      if (taken) {
        conflicts.push({
          kind: "room_booked",
          ...at,
          with: { type: "room", ...pick(facts.room) },
          message: `${facts.room.name} is booked for ${taken.interventionName} (${taken.startTime}–${taken.endTime}).`,
        });
      }
    }
    for (const person of facts.staff) {
      const taken = clashing.find((b) => b.item.staffId === person.id)?.item;
      if (taken) {
        conflicts.push({
          kind: "facilitator_booked",
          ...at,
          with: { type: "staff", ...pick(person) },
          message: `${person.name} is with ${taken.interventionName} (${taken.startTime}–${taken.endTime}).`,
        });
      }
      const away = unavailability(person, slot.date, start, end);
      if (away) {
        conflicts.push({
          kind: "facilitator_unavailable",
          ...at,
          with: { type: "staff", ...pick(person) },
          message: `${person.name} ${away}.`,
        });
      }
    }
    for (const resource of facts.resources) {
      const inUse = peakUnits(
        clashing.filter((b) => b.item.resourceId === resource.id),
        start,
        end,
      );
      if (inUse + resource.wanted > resource.pool) {
        conflicts.push({
          kind: "resource_at_capacity",
          ...at,
          with: { type: "resource", ...pick(resource) },
          message: `${resource.name}: ${inUse} of ${resource.pool} in use then; this group needs ${resource.wanted}.`,
        });
      }
    }
    const seen = new Set<string>();
    for (const { item: busy, start: busyStart, end: busyEnd } of busyOn.get(slot.date) ?? []) {
      if (!minutesOverlap(start, end, busyStart, busyEnd)) continue;
      const key = `${busy.studentId}:${busy.kind}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const name = studentName.get(busy.studentId) ?? "A student";
      conflicts.push({
        kind: STUDENT_KIND[busy.kind],
        ...at,
        with: { type: "student", id: busy.studentId, name },
        message: `${name} ${STUDENT_WORDING[busy.kind]} ${busy.label} (${busy.startTime}–${busy.endTime}).`,
      });
    }
  }
  return conflicts;
}

const STUDENT_KIND = {
  class: "student_in_class",
  protected: "student_protected_time",
  intervention: "student_in_intervention",
} as const satisfies Record<StudentBusyTime["kind"], ConflictKind>;

const STUDENT_WORDING: Record<StudentBusyTime["kind"], string> = {
  class: "is in",
  protected: "has protected time:",
  intervention: "is in another group,",
};

const pick = (party: { id: string; name: string }) => ({ id: party.id, name: party.name });

/** Conflicts of the plan as a whole rather than of one session. */
function planConflicts(facts: ScheduleFacts): Conflict[] {
  const conflicts: Conflict[] = [];
  const groupSize = facts.groupSize ?? facts.students.length;
  const none = { date: null, startTime: null, endTime: null };
  if (facts.room?.capacity != null && groupSize > facts.room.capacity) {
    conflicts.push({
      kind: "room_too_small",
      ...none,
      with: { type: "room", ...pick(facts.room) },
      message: `${facts.room.name} seats ${facts.room.capacity}; the group has ${groupSize} students.`,
    });
  }
  for (const person of facts.staff) {
    if (person.caseloadCap != null && person.caseload + groupSize > person.caseloadCap) {
      conflicts.push({
        kind: "caseload_exceeded",
        ...none,
        with: { type: "staff", ...pick(person) },
        message: `${person.name} would have ${person.caseload + groupSize} students; the cap is ${person.caseloadCap}.`,
      });
    }
  }
  return conflicts;
}

/** The most units of one resource in use at the same moment within [start, end). */
function peakUnits(bookings: readonly Timed<unknown>[], start: number, end: number): number {
  let peak = 0;
  // The count only rises where a booking begins, so checking those moments (and the start) suffices.
  const moments = [start, ...bookings.map((b) => Math.max(start, b.start))];
  for (const moment of moments) {
    if (moment >= end) continue;
    const count = bookings.filter((b) => b.start <= moment && moment < b.end).length;
    peak = Math.max(peak, count);
  }
  return peak;
}
