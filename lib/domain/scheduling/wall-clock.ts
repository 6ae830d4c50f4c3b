import type { ClockTime } from "./clock-time";

/** The clock time of minutes since midnight: 630 → "10:30" (1440 reads "24:00", a day's end). */
export function clockTimeAt(minutes: number): ClockTime {
  const hours = Math.floor(minutes / 60);
  return `${String(hours).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}
