import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/domain/calendar/dates";
import {
  buildProgressTimeline,
  type TimelineIntervention,
  type TimelineReading,
} from "@/lib/domain/progress/timeline";
import { familyMeasuresOf } from "./family-views";

const fidelity = { sessionRate: 1, minutesRate: 1, threshold: 0.8, trusted: true };

const group = (id: string, goal: number | null): TimelineIntervention => ({
  id,
  name: `Group ${id}`,
  tier: 2,
  startDate: "2026-09-07",
  endDate: "2026-12-18",
  exitDate: null,
  measure: { name: "Words correct per minute", unit: "WCPM", direction: "higher", goal },
  fidelity,
});

/** Weekly note readings shared with the family, `perWeek` apart from 50. */
const weekly = (interventionId: string, count: number, perWeek: number): TimelineReading[] =>
  Array.from({ length: count }, (_, i) => ({
    interventionId,
    date: addDays("2026-09-07", 7 * i),
    value: 50 + perWeek * i,
    measureName: "Words correct per minute",
    unit: "WCPM",
    source: "note",
  }));

describe("familyMeasuresOf", () => {
  // Growth of 1 a week, where the line from 51 to 90 over 14.6 weeks asks for 2.7: behind.
  const timeline = buildProgressTimeline({
    interventions: [group("a", 90), group("b", null)],
    readings: [...weekly("a", 8, 1), ...weekly("b", 2, 1)],
    tierChanges: [],
  });

  it("gives one group's readings, its goal line to the goal at its end, and where the child stands", () => {
    const [measure, ...others] = familyMeasuresOf(timeline.measures, {
      id: "a",
      endDate: "2026-12-18",
    });
    expect(others).toEqual([]);
    expect(measure).toMatchObject({
      name: "Words correct per minute",
      unit: "WCPM",
      goal: 90,
      goalDate: "2026-12-18",
      latest: { date: "2026-10-26", value: 57 },
      standing: "behind",
    });
    expect(measure?.readings).toHaveLength(8);
    expect(measure?.goalLine?.to).toEqual({ date: "2026-12-18", value: 90 });
    // Nothing of the team's working data: no trend, projection or explanation.
    expect(Object.keys(measure ?? {}).sort()).toEqual(
      ["goal", "goalDate", "goalLine", "latest", "name", "readings", "standing", "unit"].sort(),
    );
  });

  it("draws no goal line and says so when the group has no number goal", () => {
    const [measure] = familyMeasuresOf(timeline.measures, { id: "b", endDate: "2026-12-18" });
    expect(measure).toMatchObject({ goal: null, goalLine: null, standing: "no-goal" });
    expect(measure?.readings).toEqual([
      { date: "2026-09-07", value: 50 },
      { date: "2026-09-14", value: 51 },
    ]);
  });

  it("leaves out a group without readings", () => {
    expect(familyMeasuresOf(timeline.measures, { id: "c", endDate: "2026-12-18" })).toEqual([]);
  });
});
