import { SCHOOL_WEEKDAYS, type Weekday } from "../calendar/dates";
import { type ClockTime, clockTimeAt, minutesOf } from "./clock-time";
import { type Conflict, findConflicts, type PlannedSlot, type ScheduleFacts } from "./conflicts";

type Room = { id: string; name: string; capacity: number | null };

/** A way to hold the group: its weekdays, its start time and its room. */
export interface ScheduleOption {
  days: readonly Weekday[];
  startTime: ClockTime;
  minutes: number;
  room: Room | null;
}

export interface Alternative {
  days: Weekday[];
  startTime: ClockTime;
  roomId: string | null;
  roomName: string | null;
  /** What differs from the plan asked for. */
  change: "time" | "days" | "room";
}

export interface AlternativesInput {
  proposed: ScheduleOption;
  /** The plan's own conflicts: another room is offered only when the room is one of them. */
  conflicts: readonly Conflict[];
  /** The series an option would make (the same dates rule as the plan itself). */
  slotsFor: (option: ScheduleOption) => PlannedSlot[];
  /** Facts with the room left out: each option puts its own room in. */
  facts: ScheduleFacts;
  /**
   * The school's other rooms that could take the group, with their bookings in `facts`; null
   * when they are not read yet: the search then answers null if it comes to them (below).
   */
  rooms: readonly Room[] | null;
  /** The part of the day a group may be placed in. */
  window: { from: ClockTime; to: ClockTime };
  limit?: number;
  /** How many options are tried at most; keeps a crowded week's answer fast. */
  budget?: number;
}

/** Start times are offered on the quarter hour. */
const STEP_MINUTES = 15;

/**
 * Up to `limit` conflict-free ways to hold the group, nearest first (docs/domain.md,
 * "Scheduling"): another start time on the same days costs one per quarter hour moved, other
 * weekdays two per day changed, another room three. With `rooms` null (not read yet), the
 * answer is null when the search comes to the other rooms before it has found `limit`: the
 * caller reads them and searches again. Most searches end before, so the school's other
 * rooms and their bookings are seldom read.
 */
export function findAlternatives(
  input: AlternativesInput & { rooms: readonly Room[] },
): Alternative[];
export function findAlternatives(input: AlternativesInput): Alternative[] | null;
export function findAlternatives(input: AlternativesInput): Alternative[] | null {
  const limit = input.limit ?? 5;
  const candidates = candidateOptions(input).sort((a, b) => a.cost - b.cost);
  const found: Alternative[] = [];
  for (const { option, change, roomsUnread } of candidates.slice(0, input.budget ?? 120)) {
    if (found.length >= limit) break;
    if (roomsUnread) return null;
    const slots = input.slotsFor(option);
    if (findConflicts(slots, { ...input.facts, room: option.room }, { firstOnly: true }).length > 0)
      continue;
    found.push({
      days: [...option.days],
      startTime: option.startTime,
      roomId: option.room?.id ?? null,
      roomName: option.room?.name ?? null,
      change,
    });
  }
  return found;
}

interface Candidate {
  option: ScheduleOption;
  change: Alternative["change"];
  cost: number;
  /** Stands where the other rooms would, when they are not read yet. */
  roomsUnread?: boolean;
}

const ROOM_COST = 3;

const ROOM_KINDS: ReadonlySet<Conflict["kind"]> = new Set(["room_booked", "room_too_small"]);

function candidateOptions({ proposed, conflicts, rooms, window }: AlternativesInput): Candidate[] {
  const candidates: Candidate[] = [];
  const asked = minutesOf(proposed.startTime);
  const latest = minutesOf(window.to) - proposed.minutes;
  for (let start = minutesOf(window.from); start <= latest; start += STEP_MINUTES) {
    if (start === asked) continue;
    candidates.push({
      option: { ...proposed, startTime: clockTimeAt(start) },
      change: "time",
      cost: Math.ceil(Math.abs(start - asked) / STEP_MINUTES),
    });
  }
  for (const days of weekdaySetsOfSize(proposed.days.length)) {
    const changed = days.filter((day) => !proposed.days.includes(day)).length;
    if (changed === 0) continue;
    candidates.push({ option: { ...proposed, days }, change: "days", cost: 2 * changed });
  }
  const roomCanHelp = conflicts.some((conflict) => ROOM_KINDS.has(conflict.kind));
  if (roomCanHelp && rooms === null) {
    candidates.push({ option: proposed, change: "room", cost: ROOM_COST, roomsUnread: true });
  }
  for (const room of roomCanHelp ? (rooms ?? []) : []) {
    if (room.id === proposed.room?.id) continue;
    candidates.push({ option: { ...proposed, room }, change: "room", cost: ROOM_COST });
  }
  return candidates;
}

/** Every set of `size` school weekdays, each in calendar order. */
function weekdaySetsOfSize(size: number): Weekday[][] {
  const sets: Weekday[][] = [];
  const build = (from: number, chosen: Weekday[]) => {
    if (chosen.length === size) {
      sets.push(chosen);
      return;
    }
    for (let i = from; i < SCHOOL_WEEKDAYS.length; i++) {
      build(i + 1, [...chosen, SCHOOL_WEEKDAYS[i] as Weekday]);
    }
  };
  if (size >= 1 && size <= SCHOOL_WEEKDAYS.length) build(0, []);
  return sets;
}
