import type { Tx } from "@/db/client";
import { type District, districtOf, nonInstructionalDaysBetween } from "@/db/queries/districts";
import { queueBehindSameHolders } from "@/db/queries/scheduling/booking-queue";
import {
  bookingsInWindow,
  participantsOf,
  resourcesByIds,
  roomById,
  roomsOfSchool,
  staffWithCaseloads,
  studentNames,
  studentSessionsInWindow,
} from "@/db/queries/scheduling/plan-facts";
import { scheduleTimeFacts } from "@/db/queries/scheduling/time-facts";
import {
  addDays,
  daysBetween,
  instantAt,
  type LocalDate,
  SCHOOL_WEEKDAYS,
  type Weekday,
  weekdayOf,
} from "@/lib/domain/calendar/dates";
import { NotFoundError } from "@/lib/domain/errors";
import {
  plannedDates,
  plannedSessionCount,
  type WeeklyPattern,
} from "@/lib/domain/schedule/generate-sessions";
import type { Alternative } from "@/lib/domain/scheduling/alternatives";
import { findAlternatives, type ScheduleOption } from "@/lib/domain/scheduling/alternatives";
import { clockTimeAt, minutesOf } from "@/lib/domain/scheduling/clock-time";
import {
  type Conflict,
  findConflicts,
  type PlannedSlot,
  type ScheduleFacts,
} from "@/lib/domain/scheduling/conflicts";
import { acceptConflicts, scheduleOverrideAllowed } from "@/lib/domain/scheduling/override";
import { studentBusyTimes } from "@/lib/domain/scheduling/student-time";

/** A group's plan as create, edit and the live check send it. */
export interface PlanToCheck extends Participants {
  startDate: LocalDate;
  durationWeeks: number;
  schedule: WeeklyPattern;
}

export interface PlanCheck {
  conflicts: Conflict[];
  alternatives: Alternative[];
  /** Whether this district lets a specialist save over these conflicts with a reason. */
  overrideAllowed: boolean;
}

/** Where alternatives are looked for when the school's bell schedule says nothing. */
const SCHOOL_DAY = { from: "07:30", to: "16:00" };

/** Who and what a group's sessions take: the same for a whole plan and for one moved session. */
export interface Participants {
  facilitatorIds: string[];
  roomId?: string | null;
  studentIds: string[];
  resources?: { resourceId: string; quantity: number }[];
  /** The group being edited: its own bookings are no conflict. */
  interventionId?: string | null;
  /** The group's size when `studentIds` are only the students joining it. */
  groupSize?: number;
}

/**
 * The conflicts of a plan's sessions on or after `from` (the held past of an edited group is
 * not re-checked), and, when there are any, up to five nearest conflict-free alternatives
 * (docs/domain.md, "Scheduling").
 */
export async function checkPlan(
  tx: Tx,
  tenantId: string,
  plan: PlanToCheck,
  options: {
    from?: LocalDate;
    withAlternatives?: boolean;
    /** What the caller has read already: the district, its days without school in the plan's year. */
    known?: { district: District; holidays: ReadonlySet<LocalDate> };
  } = {},
): Promise<PlanCheck> {
  const district = options.known?.district ?? (await districtOf(tx, tenantId));
  const holidays =
    options.known?.holidays ??
    (await nonInstructionalDaysBetween(tx, tenantId, plan.startDate, addDays(plan.startDate, 366)));
  // Alternatives try many times on the same weekdays: the dates of a set of weekdays are found
  // once. Those of the plan's own days are planned like its sessions; other sets are picked from
  // every school day of a span twice as long (one walk of the calendar for all of them), and
  // planned alone only when that span holds too few of their days.
  const datesByDays = new Map<string, LocalDate[]>();
  let schoolDays: { date: LocalDate; day: Weekday }[] | null = null;
  const planned = (days: readonly Weekday[]) => {
    if (
      days !== plan.schedule.days &&
      days.every((day) => (SCHOOL_WEEKDAYS as readonly Weekday[]).includes(day))
    ) {
      schoolDays ??= plannedDates({
        ...plan,
        durationWeeks: 2 * plan.durationWeeks,
        pattern: { days: SCHOOL_WEEKDAYS },
        nonInstructionalDays: holidays,
      }).map((date) => ({ date, day: weekdayOf(date) }));
      const wanted = plannedSessionCount(plan.durationWeeks, days);
      const picked = schoolDays.filter((d) => days.includes(d.day)).slice(0, wanted);
      if (picked.length === wanted) return picked.map((d) => d.date);
    }
    return plannedDates({ ...plan, pattern: { days }, nonInstructionalDays: holidays });
  };
  const slotsFor = (option: Pick<ScheduleOption, "days" | "startTime" | "minutes">) => {
    const key = option.days.join(",");
    let dates = datesByDays.get(key);
    if (!dates) {
      dates = planned(option.days).filter((date) => !options.from || date >= options.from);
      datesByDays.set(key, dates);
    }
    return dates.map(
      (date): PlannedSlot => ({ date, startTime: option.startTime, minutes: option.minutes }),
    );
  };

  const slots = slotsFor(plan.schedule);
  const overrideAllowed = scheduleOverrideAllowed(district.settings);
  const loaded = await loadFacts(tx, tenantId, plan, slots, district.timeZone, holidays);
  if (!loaded) return { conflicts: [], alternatives: [], overrideAllowed };
  const conflicts = findConflicts(slots, loaded.facts);
  if (conflicts.length === 0 || !options.withAlternatives) {
    return { conflicts, alternatives: [], overrideAllowed };
  }
  const search = {
    proposed: { ...plan.schedule, room: loaded.room },
    conflicts,
    slotsFor,
    facts: loaded.facts,
    window: SCHOOL_DAY,
  };
  const alternatives =
    findAlternatives({ ...search, rooms: null }) ??
    findAlternatives({ ...search, ...(await otherRooms(tx, loaded, plan.schedule)) });
  return { conflicts, alternatives, overrideAllowed };
}

/**
 * The school's other rooms, for alternatives that move the group, with their bookings in the
 * plan's weeks at the plan's time of day: a room offered instead keeps the plan's days and time.
 */
async function otherRooms(
  tx: Tx,
  loaded: NonNullable<Awaited<ReturnType<typeof loadFacts>>>,
  schedule: WeeklyPattern,
) {
  const schoolRooms = loaded.schoolId
    ? await roomsOfSchool(tx, loaded.window.tenantId, loaded.schoolId)
    : [];
  const rooms = schoolRooms.filter((room) => room.id !== loaded.room?.id);
  const bookings =
    rooms.length > 0
      ? await bookingsInWindow(
          tx,
          loaded.window,
          { roomIds: rooms.map((room) => room.id), staffIds: [], resourceIds: [] },
          {
            from: schedule.startTime,
            to: clockTimeAt(minutesOf(schedule.startTime) + schedule.minutes),
          },
        )
      : [];
  return { rooms, facts: { ...loaded.facts, bookings: [...loaded.facts.bookings, ...bookings] } };
}

/**
 * Refuses (409) single sessions of a group (a reschedule, a make-up) whose times conflict,
 * checked like a plan's once saves booking the same room, people or pools have ended. A
 * single session takes no override with a reason, as before the queue.
 */
export async function refuseSessionConflicts(
  tx: Tx,
  tenantId: string,
  interventionId: string,
  slots: PlannedSlot[],
): Promise<void> {
  const who = await participantsOf(tx, tenantId, interventionId);
  await queueBehindSameHolders(tx, tenantId, who);
  const district = await districtOf(tx, tenantId);
  const dates = slots.map((slot) => slot.date).sort();
  const holidays = await nonInstructionalDaysBetween(
    tx,
    tenantId,
    dates[0] ?? "0001-01-01",
    dates.at(-1) ?? "0001-01-01",
  );
  const overrideAllowed = scheduleOverrideAllowed(district.settings);
  const loaded = await loadFacts(tx, tenantId, who, slots, district.timeZone, holidays);
  const conflicts = loaded ? findConflicts(slots, loaded.facts) : [];
  acceptConflicts({ conflicts, alternatives: [], overrideAllowed }, null);
}

/** The facts of the days the slots fall on; null when there are no slots. */
async function loadFacts(
  tx: Tx,
  tenantId: string,
  plan: Participants,
  slots: PlannedSlot[],
  timeZone: string,
  holidays: ReadonlySet<LocalDate>,
) {
  const dates = slots.map((slot) => slot.date).sort();
  const [first, last] = [dates[0], dates.at(-1)];
  if (!first || !last) return null;
  const span = {
    from: instantAt(first, "00:00", timeZone),
    to: instantAt(addDays(last, 1), "00:00", timeZone),
    timeZone,
    holidays,
  };
  const window = {
    tenantId,
    from: span.from,
    to: span.to,
    timeZone,
    excludeInterventionId: plan.interventionId ?? null,
  };
  const wanted = plan.resources ?? [];
  const resourceIds = wanted.map((r) => r.resourceId);
  // Every read goes out at once (prepared, decision 0030): the bookings are read by
  // the ids asked for, and those of a room or resource that turns out not to exist are unused.
  const [room, people, children, pools, bookings, otherSessions, time] = await Promise.all([
    plan.roomId ? roomById(tx, tenantId, plan.roomId) : null,
    staffWithCaseloads(tx, window, plan.facilitatorIds),
    studentNames(tx, tenantId, plan.studentIds),
    resourcesByIds(tx, tenantId, resourceIds),
    bookingsInWindow(tx, window, {
      roomIds: plan.roomId ? [plan.roomId] : [],
      staffIds: plan.facilitatorIds,
      resourceIds,
    }),
    studentSessionsInWindow(tx, window, plan.studentIds),
    // The students' days: their schools' and sections' calendars, whatever the room's school.
    scheduleTimeFacts(tx, tenantId, {
      staffIds: plan.facilitatorIds,
      studentIds: plan.studentIds,
      from: first,
      to: last,
    }),
  ]);
  if (plan.roomId && !room) {
    throw new NotFoundError("Room", "The room was not found in your district.", [
      { path: "roomId", message: "No such room in your district." },
    ]);
  }
  const missing = wanted.findIndex((r) => !pools.some((pool) => pool.id === r.resourceId));
  if (missing >= 0) {
    throw new NotFoundError("Resource", "The resource was not found in your district.", [
      { path: `resources.${missing}.resourceId`, message: "No such resource in your district." },
    ]);
  }
  // The group's school: its room's, or its students'.
  const schoolId = room?.schoolId ?? children[0]?.schoolId ?? null;

  const hoursOf = new Map(time.staff.map((person) => [person.id, person]));
  // Every school day of the span, not only the plan's: alternatives move to other weekdays.
  const schoolDays = Array.from({ length: daysBetween(first, last) + 1 }, (_, i) =>
    addDays(first, i),
  );

  const facts: ScheduleFacts = {
    nonInstructionalDays: span.holidays,
    room,
    staff: people.map((person) => ({
      ...person,
      workingHours: hoursOf.get(person.id)?.workingHours ?? null,
      absences: hoursOf.get(person.id)?.absences ?? [],
    })),
    students: children,
    groupSize: plan.groupSize,
    resources: pools.map((pool) => ({
      ...pool,
      wanted: wanted.find((r) => r.resourceId === pool.id)?.quantity ?? 1,
    })),
    bookings,
    studentBusy: [
      ...studentBusyTimes(schoolDays, {
        ...time,
        nonInstructionalDays: new Set(time.nonInstructionalDays),
      }),
      ...otherSessions.map((session) => ({
        ...session,
        kind: "intervention" as const,
        label: session.interventionName,
      })),
    ],
  };
  return { facts, room, schoolId, window };
}
