import type { CalendarDate } from "./calendar-date";
import { formatNumber } from "./format";
import { measureKey } from "./timeline";

export interface Reading {
  readonly name: string;
  readonly unit: string | null;
  readonly value: number;
  readonly date: CalendarDate;
}

/** Each measure's most recent reading, by measure name regardless of case and spacing. */
export function latestByMeasure(readings: readonly Reading[]): Reading[] {
  const latest = new Map<string, Reading>();
  for (const reading of readings) {
    const key = measureKey(reading.name);
    const current = latest.get(key);
    // On a tie the later one in the list wins: readings come oldest first, as recorded.
    if (!current || reading.date >= current.date) latest.set(key, reading);
  }
  return [...latest.values()];
}

export function previousReadingOf(
  readings: readonly Reading[],
  measureName: string,
): Reading | null {
  const key = measureKey(measureName);
  if (!key) return null;
  return latestByMeasure(readings).find((r) => measureKey(r.name) === key) ?? null;
}

/** "up from 2.8", "down from 3.1", "same as last time (2.8)": how Scenario 4 reads a value. */
export function changeFromPrevious(value: number, previous: number): string {
  if (value > previous) return `up from ${formatNumber(previous)}`;
  if (value < previous) return `down from ${formatNumber(previous)}`;
  return `same as last time (${formatNumber(previous)})`;
}
