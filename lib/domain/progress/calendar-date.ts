/** Progress monitoring speaks of the school calendar's dates; the arithmetic lives in one place. */
export {
  addDays,
  daysBetween,
  type LocalDate as CalendarDate,
  weeksBetween,
} from "../calendar/dates";
