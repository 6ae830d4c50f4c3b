import {
  addDays,
  isWeekend,
  type LocalDate,
  WEEKDAYS,
  type Weekday,
  weekdayOf,
} from "@/lib/domain/calendar/dates";
import {
  SCHOOL_YEAR_FIRST_MONTH,
  schoolYearLabel,
  schoolYearStartOf,
} from "@/lib/domain/reports/school-year";

/**
 * The school year `today` falls in, as the domain turns years over (lib/domain/reports/school-year.ts);
 * the demo's instruction starts in mid-August.
 */
export interface SchoolYear {
  /** The calendar year of its August. */
  startYear: number;
  /** "2026-27", as assessment results name it. */
  label: string;
  /** First day of instruction: the Monday on or after August 12. */
  firstDay: LocalDate;
  /** Last day of instruction: 30 June, so the summer is July and the first weeks of August. */
  lastDay: LocalDate;
}

export function schoolYearOf(today: LocalDate): SchoolYear {
  const startYear = schoolYearStartOf(today);
  return {
    startYear,
    label: schoolYearLabel(startYear),
    firstDay: onOrAfter(isoDate(startYear, SCHOOL_YEAR_FIRST_MONTH, 12), "MO"),
    lastDay: isoDate(startYear + 1, 6, 30),
  };
}

/** The school year after `year`, which the demo enters ahead so groups can continue into it. */
export function followingSchoolYear(year: SchoolYear): SchoolYear {
  return schoolYearOf(isoDate(year.startYear + 1, SCHOOL_YEAR_FIRST_MONTH, 1));
}

export function isoDate(year: number, month: number, day: number): LocalDate {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const dayIndex = (weekday: Weekday) => WEEKDAYS.indexOf(weekday);

/** The first `weekday` on or after `date`. */
export function onOrAfter(date: LocalDate, weekday: Weekday): LocalDate {
  const delta = (dayIndex(weekday) - dayIndex(weekdayOf(date)) + 7) % 7;
  return addDays(date, delta);
}

/** The last `weekday` on or before `date`. */
export function onOrBefore(date: LocalDate, weekday: Weekday): LocalDate {
  const delta = (dayIndex(weekdayOf(date)) - dayIndex(weekday) + 7) % 7;
  return addDays(date, -delta);
}

/** The n-th (1-based) `weekday` of a month. */
export function nthWeekday(year: number, month: number, weekday: Weekday, n: number): LocalDate {
  return addDays(onOrAfter(isoDate(year, month, 1), weekday), 7 * (n - 1));
}

/** The last `weekday` of a month. */
export function lastWeekday(year: number, month: number, weekday: Weekday): LocalDate {
  const nextMonth = month === 12 ? isoDate(year + 1, 1, 1) : isoDate(year, month + 1, 1);
  return onOrBefore(addDays(nextMonth, -1), weekday);
}

function weekdaysFrom(from: LocalDate, to: LocalDate): LocalDate[] {
  const days: LocalDate[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) if (!isWeekend(day)) days.push(day);
  return days;
}

export interface NonInstructionalDay {
  day: LocalDate;
  description: string;
}

/**
 * The holidays and breaks of a US school year. Thanksgiving closes Thursday and Friday only:
 * the Wednesday before it is a school day.
 */
export function nonInstructionalDaysOf(year: SchoolYear): NonInstructionalDay[] {
  const y = year.startYear;
  const thanksgiving = nthWeekday(y, 11, "TH", 4);
  const winterStart = onOrBefore(isoDate(y, 12, 23), "MO");
  const winterEndCandidate = addDays(winterStart, 11);
  const newYearsDay = isoDate(y + 1, 1, 1);
  // ISO dates sort as text: the later of the two.
  const winterEnd = [winterEndCandidate, newYearsDay].sort()[1]!;
  const springStart = nthWeekday(y + 1, 3, "MO", 3);
  const days: NonInstructionalDay[] = [
    { day: nthWeekday(y, 9, "MO", 1), description: "Labor Day" },
    { day: thanksgiving, description: "Thanksgiving" },
    { day: addDays(thanksgiving, 1), description: "Day after Thanksgiving" },
    ...weekdaysFrom(winterStart, winterEnd).map((day) => ({ day, description: "Winter break" })),
    { day: nthWeekday(y + 1, 1, "MO", 3), description: "Martin Luther King Jr. Day" },
    { day: nthWeekday(y + 1, 2, "MO", 3), description: "Presidents' Day" },
    ...weekdaysFrom(springStart, addDays(springStart, 4)).map((day) => ({
      day,
      description: "Spring break",
    })),
    { day: lastWeekday(y + 1, 5, "MO"), description: "Memorial Day" },
  ];
  return days.sort((a, b) => (a.day < b.day ? -1 : 1));
}

/** The demo's reporting calendar: quarters ending mid-October, mid-January, late March, and the year's last day. */
export function quartersOf(year: SchoolYear): { name: string; endsOn: LocalDate }[] {
  const y = year.startYear;
  return [
    { name: "Quarter 1", endsOn: onOrBefore(isoDate(y, 10, 16), "FR") },
    { name: "Quarter 2", endsOn: onOrBefore(isoDate(y + 1, 1, 15), "FR") },
    { name: "Quarter 3", endsOn: onOrBefore(isoDate(y + 1, 3, 31), "FR") },
    { name: "Quarter 4", endsOn: year.lastDay },
  ];
}
