import { type CalendarDate, daysBetween } from "./calendar-date";

export interface AimLineInput {
  readonly baseline: number;
  readonly goal: number;
  readonly startDate: CalendarDate;
  readonly endDate: CalendarDate;
}

export interface AimLine {
  readonly startDate: CalendarDate;
  readonly slopePerWeek: number;
  valueAt(date: CalendarDate): number;
}

export function aimLine({ baseline, goal, startDate, endDate }: AimLineInput): AimLine {
  const totalDays = daysBetween(startDate, endDate);
  if (totalDays <= 0) {
    throw new RangeError(`The end date ${endDate} must come after the start date ${startDate}.`);
  }
  const gain = goal - baseline;
  return {
    startDate,
    slopePerWeek: gain / (totalDays / 7),
    // Interpolating by the share of days elapsed lands exactly on the goal at the end date,
    // where slope × weeks could miss it by a rounding error.
    valueAt: (date) => baseline + gain * (daysBetween(startDate, date) / totalDays),
  };
}
