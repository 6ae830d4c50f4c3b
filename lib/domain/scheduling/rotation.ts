import { addDays, daysBetween, isWeekend, type LocalDate } from "../calendar/dates";
import { type ClockInterval, minutesOf } from "./clock-time";

/**
 * Rotation days (A/B or longer) and the times a class section meets (docs/domain.md, "Time
 * facts"). Pure: the school's rotation, its bell periods and the district's non-instructional
 * days come in as arguments.
 */

export interface SchoolRotation {
  /** Rotation day names in order ("A", "B"); empty when every day is alike. */
  dayRotation: readonly string[];
  /** The first instructional day on or after this date is the first rotation day. */
  rotationStartsOn: LocalDate | null;
}

type DaySet = ReadonlySet<LocalDate> | readonly LocalDate[];

function asSet(days: DaySet): ReadonlySet<LocalDate> {
  return days instanceof Set ? days : new Set(days as readonly LocalDate[]);
}

/** Monday to Friday and not a listed non-instructional day. */
export function isInstructionalDay(date: LocalDate, nonInstructionalDays: DaySet): boolean {
  return !isWeekend(date) && !asSet(nonInstructionalDays).has(date);
}

/** Weekdays (Monday–Friday) in [from, to), from ≤ to. */
function weekdaysIn(from: LocalDate, to: LocalDate): number {
  const days = daysBetween(from, to);
  const weeks = Math.floor(days / 7);
  let count = weeks * 5;
  for (let day = addDays(from, weeks * 7); day < to; day = addDays(day, 1)) {
    if (!isWeekend(day)) count += 1;
  }
  return count;
}

/** Instructional days in [from, to), from ≤ to. */
function instructionalDaysIn(from: LocalDate, to: LocalDate, off: ReadonlySet<LocalDate>): number {
  let holidays = 0;
  for (const day of off) if (day >= from && day < to && !isWeekend(day)) holidays += 1;
  return weekdaysIn(from, to) - holidays;
}

/**
 * The rotation day `date` is at a school: "" when the school has no rotation (or no start
 * date), and "" on a day with no school (weekend or non-instructional day), which has no
 * rotation day. Only instructional days advance the rotation, so a holiday in the middle of an
 * A/B rotation does not skip a letter. Dates before `rotationStartsOn` count backwards the same
 * way: the instructional day before the first "A" is the last day of the rotation.
 */
export function rotationDayOn(
  date: LocalDate,
  { dayRotation, rotationStartsOn }: SchoolRotation,
  nonInstructionalDays: DaySet,
): string {
  if (dayRotation.length === 0 || !rotationStartsOn) return "";
  const off = asSet(nonInstructionalDays);
  if (!isInstructionalDay(date, off)) return "";
  const index =
    date >= rotationStartsOn
      ? instructionalDaysIn(rotationStartsOn, date, off)
      : -instructionalDaysIn(date, rotationStartsOn, off);
  const length = dayRotation.length;
  return dayRotation[((index % length) + length) % length] ?? "";
}

/** One period of a school's bell schedule, as stored (`bell_periods`). */
export interface BellPeriod {
  /** The rotation day it belongs to; "" is every day. */
  dayType: string;
  /** The label OneRoster classes list in `periods` ("1", "2", "HR"). */
  label: string;
  startTime: string;
  endTime: string;
}

export interface SectionMeeting extends ClockInterval {
  /** The period labels that make up this stretch (two when a double period was merged). */
  labels: string[];
}

export interface SectionMeetings {
  /** When the section meets that day, in order; overlapping or touching periods merged. */
  meetings: SectionMeeting[];
  /** Labels of the section with no bell time that day: the bell schedule does not know them. */
  unmatched: string[];
}

const labelKey = (label: string) => label.trim().toLowerCase();

/**
 * When a section with these OneRoster period labels meets on a day of rotation day `dayType`
 * ("" at a school without rotation). A period of that rotation day wins over an every-day
 * period of the same label; labels are compared without case or surrounding spaces. Periods
 * that overlap or touch are merged into one meeting, so a double period is one stretch.
 */
export function sectionMeetings(
  periods: readonly string[],
  bellPeriods: readonly BellPeriod[],
  dayType: string,
): SectionMeetings {
  const everyDay = new Map<string, BellPeriod>();
  const thatDay = new Map<string, BellPeriod>();
  for (const period of bellPeriods) {
    if (period.dayType === "") everyDay.set(labelKey(period.label), period);
    else if (dayType !== "" && period.dayType === dayType)
      thatDay.set(labelKey(period.label), period);
  }
  const found: SectionMeeting[] = [];
  const unmatched: string[] = [];
  const seen = new Set<string>();
  for (const label of periods) {
    const key = labelKey(label);
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    const period = thatDay.get(key) ?? everyDay.get(key);
    if (period)
      found.push({ start: period.startTime, end: period.endTime, labels: [label.trim()] });
    else unmatched.push(label.trim());
  }
  found.sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
  const meetings: SectionMeeting[] = [];
  for (const meeting of found) {
    const last = meetings.at(-1);
    if (last && minutesOf(meeting.start) <= minutesOf(last.end)) {
      if (minutesOf(meeting.end) > minutesOf(last.end)) last.end = meeting.end;
      last.labels.push(...meeting.labels);
    } else meetings.push({ ...meeting, labels: [...meeting.labels] });
  }
  return { meetings, unmatched };
}
