import { TZDate } from "@date-fns/tz";
import type { LocalDate } from "../calendar/dates";
import type { ClockTime } from "./clock-time";

/** The clock time of minutes since midnight: 630 → "10:30" (1440 reads "24:00", a day's end). */
export function clockTimeAt(minutes: number): ClockTime {
  const hours = Math.floor(minutes / 60);
  return `${String(hours).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** Where an instant falls on the district's wall clock: its date and time of day. */
export function wallClockOf(instant: Date, timeZone: string): { date: LocalDate; time: ClockTime } {
  const local = new TZDate(instant.getTime(), timeZone);
  return {
    date: local.toISOString().slice(0, 10),
    time: clockTimeAt(local.getHours() * 60 + local.getMinutes()),
  };
}
