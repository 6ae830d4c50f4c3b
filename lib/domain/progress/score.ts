import type { CalendarDate } from "./calendar-date";

export interface ScorePoint {
  readonly date: CalendarDate;
  readonly value: number;
}

/** Oldest first. The sort is stable, so two probes of one day keep the order they were recorded in. */
export function sortByDate(scores: readonly ScorePoint[]): ScorePoint[] {
  return [...scores].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export function latestScore(scores: readonly ScorePoint[]): ScorePoint | null {
  return sortByDate(scores).at(-1) ?? null;
}
