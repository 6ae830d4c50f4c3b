import { isValidLocalDate, type LocalDate } from "../calendar/dates";

/**
 * A school year turns over on the first of this month (August): a January winter benchmark
 * belongs to the year that began the August before. Results are filed by it, and the demo
 * calendar (scripts/seed/calendar.ts) starts its year in it.
 */
export const SCHOOL_YEAR_FIRST_MONTH = 8;

/** The calendar year of the August that began the school year `date` falls in. */
export function schoolYearStartOf(date: LocalDate): number {
  if (!isValidLocalDate(date)) throw new RangeError(`Not a calendar date: "${date}"`);
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= SCHOOL_YEAR_FIRST_MONTH ? year : year - 1;
}

/** The name results give a school year: "2026-27" for the one beginning in August 2026. */
export function schoolYearLabel(startYear: number): string {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, "0")}`;
}

/** The school year a date belongs to, as results are filed: "2026-27". */
export function schoolYearOf(date: LocalDate): string {
  return schoolYearLabel(schoolYearStartOf(date));
}
