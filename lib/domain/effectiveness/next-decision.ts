import { isWeekend } from "../calendar/dates";
import { addDays, type CalendarDate, daysBetween } from "../progress";
import { isPastMidpoint } from "./recommendation-reason";

/**
 * The next decision a group's team owes its students, from the two dates the effectiveness
 * rules already turn on (docs/domain.md, "Effectiveness of an intervention"): the midpoint,
 * after which "Modify or intensify" may apply (recommendation.ts, rule 4), and the end date,
 * when each student exits, continues or changes tier.
 */
type NextDecisionKind = "midpoint-review" | "end-review";

export interface NextDecision {
  readonly kind: NextDecisionKind;
  readonly date: CalendarDate;
  /** The end date has passed and the group is still active: the decision is late. */
  readonly overdue: boolean;
}

export const NEXT_DECISION_LABELS: Record<NextDecisionKind, string> = {
  "midpoint-review": "Midpoint review",
  "end-review": "End-of-intervention decision",
};

/**
 * The last day that is not yet "past the midpoint" (isPastMidpoint): from the next day on, the
 * recommendation may say to modify the intervention, so the review is due by then.
 */
export function midpointOf(startDate: CalendarDate, endDate: CalendarDate): CalendarDate {
  return addDays(startDate, Math.floor(daysBetween(startDate, endDate) / 2));
}

/** A review is held on a school day: one that falls on a weekend is due the Friday before. */
function schoolDayOnOrBefore(date: CalendarDate): CalendarDate {
  let day = date;
  while (isWeekend(day)) day = addDays(day, -1);
  return day;
}

export function nextDecisionDue(
  startDate: CalendarDate,
  endDate: CalendarDate,
  today: CalendarDate,
): NextDecision {
  if (!isPastMidpoint(startDate, endDate, today)) {
    const date = schoolDayOnOrBefore(midpointOf(startDate, endDate));
    return { kind: "midpoint-review", date, overdue: false };
  }
  return { kind: "end-review", date: endDate, overdue: today > endDate };
}
