import type { Weekday } from "@/lib/domain/calendar/dates";
import { WEEKDAY_LABELS } from "@/lib/domain/interventions/schemas";

/** "Mon, Wed, Fri at 10:00 · 30 min" */
export function describeSchedule(schedule: {
  days: Weekday[];
  startTime: string;
  minutes: number;
}): string {
  return `${schedule.days.map((d) => WEEKDAY_LABELS[d]).join(", ")} at ${schedule.startTime} · ${schedule.minutes} min`;
}

export function gradeLabel(grade: number): string {
  return grade === 0 ? "K" : String(grade);
}
