import { z } from "../zod";

/**
 * Wall-clock times of a school day, "HH:MM" on the 24-hour clock, as bell periods, protected
 * blocks, working hours and a group's start time store them. "8:05" is read as "08:05".
 */
export type ClockTime = string;

const LOOSE_CLOCK_TIME = /^(\d{1,2}):(\d{2})$/;

/** "8:05" → "08:05"; null when it is no time of day (24:00, 9.30, 9:5). */
function parseClockTime(value: string): ClockTime | null {
  const match = LOOSE_CLOCK_TIME.exec(value.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, "0")}:${match[2]}`;
}

/** Minutes since midnight of an "HH:MM" time. */
export function minutesOf(time: ClockTime): number {
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  return hours * 60 + minutes;
}

/** The clock time of minutes since midnight, `minutesOf` turned round: 630 → "10:30". */
export function clockTimeAt(minutes: number): ClockTime {
  const hours = Math.floor(minutes / 60);
  return `${String(hours).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** Whether [aStart, aEnd) and [bStart, bEnd), in minutes since midnight, share a minute. */
export function minutesOverlap(
  aStart: number,
  aEnd: number,
  bStart: number,
  bEnd: number,
): boolean {
  return aStart < bEnd && bStart < aEnd;
}

/** A stretch of one day, from `start` up to (not including) `end`. */
export interface ClockInterval {
  start: ClockTime;
  end: ClockTime;
}

/** Whether two stretches of the same day share a minute (touching ends do not). */
export function intervalsOverlap(a: ClockInterval, b: ClockInterval): boolean {
  return minutesOverlap(minutesOf(a.start), minutesOf(a.end), minutesOf(b.start), minutesOf(b.end));
}

const TIME_MESSAGE = "Write the time as HH:MM on the 24-hour clock, e.g. 08:15 or 13:40.";

/** A form's or a file's time field: "8:05" is accepted and stored as "08:05". */
export const clockTimeSchema = z
  .string()
  .trim()
  .transform((value, context) => {
    const time = parseClockTime(value);
    if (time === null) {
      context.addIssue({ code: "custom", message: TIME_MESSAGE });
      return z.NEVER;
    }
    return time;
  });
