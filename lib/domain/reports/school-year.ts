import { isValidLocalDate, type LocalDate } from "../calendar/dates";

/**
 * The school year a date belongs to, as results are filed: it turns over on August 1, so a
 * January winter benchmark belongs to the year that began the August before. "2026-27".
 */
export function schoolYearOf(date: LocalDate): string {
  if (!isValidLocalDate(date)) throw new RangeError(`Not a calendar date: "${date}"`);
  const year = Number(date.slice(0, 4));
  const start = Number(date.slice(5, 7)) >= 8 ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, "0")}`;
}
