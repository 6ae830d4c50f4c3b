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

export function formatDate(date: string, locale = "en-US"): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString(locale, {
    weekday: "short",
    month: "short",
    day: "numeric",
    year: "numeric",
    timeZone: "UTC",
  });
}

/** "Monday, Dec 7": a day soon enough that the year goes without saying. */
export function formatDaySoon(date: string, locale = "en-US"): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString(locale, {
    weekday: "long",
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  });
}

export function formatInstant(instant: string | Date, timeZone: string, locale = "en-US"): string {
  return new Date(instant).toLocaleString(locale, {
    weekday: "short",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone,
  });
}

export function gradeLabel(grade: number): string {
  return grade === 0 ? "K" : String(grade);
}
