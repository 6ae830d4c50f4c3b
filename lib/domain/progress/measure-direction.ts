import { nearlyEqual } from "./statistics";

/** "higher": higher is better (words correct per minute); "lower": lower is better (errors per minute). */
export type MeasureDirection = "higher" | "lower";

export const MEASURE_DIRECTIONS = [
  "higher",
  "lower",
] as const satisfies readonly MeasureDirection[];

/** Where a value stands against a reference, in the measure's own sense of better. */
export type Standing = "ahead" | "on" | "behind";

export function standingAgainst(
  value: number,
  reference: number,
  direction: MeasureDirection = "higher",
): Standing {
  if (nearlyEqual(value, reference)) return "on";
  const numericallyAbove = value > reference;
  return numericallyAbove === (direction === "higher") ? "ahead" : "behind";
}

export function meetsOrBeats(
  value: number,
  reference: number,
  direction: MeasureDirection = "higher",
): boolean {
  return standingAgainst(value, reference, direction) !== "behind";
}

/** The side of a line the value sits on in a chart, where higher numbers are always drawn higher. */
export function sideOnChart(
  standing: Exclude<Standing, "on">,
  direction: MeasureDirection,
): "above" | "below" {
  return (standing === "ahead") === (direction === "higher") ? "above" : "below";
}

export function atOrBetterPhrase(direction: MeasureDirection): string {
  return direction === "higher" ? "at or above" : "at or below";
}

/** Appended where a sentence says "below" but means "better", so nobody reads it backwards. */
export function directionNote(direction: MeasureDirection): string {
  return direction === "lower" ? " (lower is better for this measure)" : "";
}
