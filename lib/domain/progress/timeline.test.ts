import { describe, expect, it } from "vitest";
import type { Fidelity } from "../attendance";
import {
  buildProgressTimeline,
  measureKey,
  mergeReadings,
  type TimelineIntervention,
  type TimelineReading,
} from "./timeline";

const trusted: Fidelity = { sessionRate: 1, minutesRate: 1, threshold: 0.8, trusted: true };
const poor: Fidelity = { sessionRate: 0.5, minutesRate: 0.5, threshold: 0.8, trusted: false };

const phonics: TimelineIntervention = {
  id: "phonics",
  name: "Phonics Blends",
  tier: 2,
  startDate: "2026-10-26",
  endDate: "2026-12-18",
  exitDate: null,
  measure: { name: "Words correct per minute", unit: "WCPM", direction: "higher", goal: 90 },
  fidelity: trusted,
};

const reading = (
  date: string,
  value: number,
  overrides: Partial<TimelineReading> = {},
): TimelineReading => ({
  interventionId: "phonics",
  date,
  value,
  measureName: "Words correct per minute",
  unit: "WCPM",
  source: "probe",
  ...overrides,
});

/** Weekly probes, `perWeek` apart from 50. */
const weekly = (count: number, perWeek: number, start = "2026-10-26") =>
  Array.from({ length: count }, (_, i) => {
    const date = new Date(`${start}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + 7 * i);
    return reading(date.toISOString().slice(0, 10), 50 + perWeek * i);
  });

describe("measureKey", () => {
  it("ignores case and stray spaces", () => {
    expect(measureKey(" Fluency  Level ")).toBe(measureKey("fluency level"));
  });
});

describe("mergeReadings", () => {
  it("keeps the probe when a note repeats it on the same day", () => {
    const probe = reading("2026-11-02", 55);
    const note = reading("2026-11-02", 55, {
      source: "note",
      measureName: "words correct per minute",
    });
    const otherDay = reading("2026-11-04", 57, { source: "note" });
    expect(mergeReadings([note, probe, otherDay])).toEqual([probe, otherDay]);
  });
});

describe("buildProgressTimeline", () => {
  it("draws the aim line from the baseline at the start to the goal at the end", () => {
    const { measures } = buildProgressTimeline({
      interventions: [phonics],
      readings: [reading("2026-10-26", 48), reading("2026-10-28", 52), reading("2026-10-30", 50)],
      tierChanges: [],
    });
    const segment = measures[0]!.segments[0]!;
    expect(segment.baseline).toBe(50);
    expect(segment.aimLine?.from).toEqual({ date: "2026-10-26", value: 50 });
    expect(segment.aimLine?.to).toEqual({ date: "2026-12-18", value: 90 });
  });

  it("has no trend line below 3 scores and one from 3", () => {
    const two = buildProgressTimeline({
      interventions: [phonics],
      readings: weekly(2, 5),
      tierChanges: [],
    });
    expect(two.measures[0]!.segments[0]!.trendLine).toBeNull();
    const three = buildProgressTimeline({
      interventions: [phonics],
      readings: weekly(3, 5),
      tierChanges: [],
    });
    const trend = three.measures[0]!.segments[0]!.trendLine;
    expect(trend?.slopePerWeek).toBeCloseTo(5, 10);
    expect(trend?.from.date).toBe("2026-10-26");
    expect(trend?.to.date).toBe("2026-12-18");
  });

  it("says there is not enough data below 6 scores", () => {
    const { measures } = buildProgressTimeline({
      interventions: [phonics],
      readings: weekly(5, 10),
      tierChanges: [],
    });
    expect(measures[0]!.segments[0]!.decision.verdict).toBe("insufficient-data");
  });

  it("gives the decision rule's verdict once 6 scores exist", () => {
    // 50 → 100 in 5 weeks: far above an aim line that needs 40 points in 7.6 weeks.
    const { measures } = buildProgressTimeline({
      interventions: [phonics],
      readings: weekly(6, 10),
      tierChanges: [],
    });
    const { decision } = measures[0]!.segments[0]!;
    expect(decision.verdict).toBe("raise-goal");
    expect(decision.rule).toBe("four-point");
  });

  it("asks for fidelity first instead of a change when delivery fell short", () => {
    const { measures } = buildProgressTimeline({
      interventions: [{ ...phonics, fidelity: poor }],
      readings: weekly(6, -1),
      tierChanges: [],
    });
    expect(measures[0]!.segments[0]!.decision.verdict).toBe("improve-fidelity");
  });

  it("draws no aim for a measure other than the intervention's, and says why", () => {
    const { measures } = buildProgressTimeline({
      interventions: [phonics],
      readings: [
        reading("2026-11-02", 2.8, {
          measureName: "Fluency level",
          unit: "grade level",
          source: "note",
        }),
        reading("2026-11-16", 3.2, {
          measureName: "Fluency level",
          unit: "grade level",
          source: "note",
        }),
      ],
      tierChanges: [],
    });
    expect(measures).toHaveLength(1);
    const [fluency] = measures;
    expect(fluency!.name).toBe("Fluency level");
    expect(fluency!.unit).toBe("grade level");
    expect(fluency!.segments[0]!.aimLine).toBeNull();
    expect(fluency!.segments[0]!.decision.verdict).toBe("no-goal");
  });

  it("puts one measure's readings from several interventions on one timeline", () => {
    const tier3: TimelineIntervention = {
      ...phonics,
      id: "intensive",
      name: "Intensive Reading",
      tier: 3,
      startDate: "2027-01-04",
      endDate: "2027-02-26",
    };
    const { measures, markers } = buildProgressTimeline({
      interventions: [tier3, phonics],
      readings: [
        reading("2026-10-26", 50),
        reading("2027-01-04", 60, { interventionId: "intensive" }),
      ],
      tierChanges: [{ date: "2026-12-21", fromTier: 2, toTier: 3 }],
    });
    expect(measures).toHaveLength(1);
    expect(measures[0]!.segments.map((s) => s.interventionId)).toEqual(["phonics", "intensive"]);
    expect(measures[0]!.points.map((p) => p.interventionName)).toEqual([
      "Phonics Blends",
      "Intensive Reading",
    ]);
    expect(markers.map((m) => [m.date, m.kind])).toEqual([
      ["2026-10-26", "intervention-start"],
      ["2026-12-18", "intervention-end"],
      ["2026-12-21", "tier-change"],
      ["2027-01-04", "intervention-start"],
      ["2027-02-26", "intervention-end"],
    ]);
    expect(markers[2]!.label).toBe("Tier 2 → 3");
  });

  it("marks an exit on the day the student left", () => {
    const { markers } = buildProgressTimeline({
      interventions: [{ ...phonics, exitDate: "2026-12-01" }],
      readings: [],
      tierChanges: [],
    });
    expect(markers.at(-1)).toEqual({
      date: "2026-12-01",
      kind: "intervention-end",
      label: "Exited Phonics Blends",
    });
  });

  it("lists the measure monitored most recently first", () => {
    const { measures } = buildProgressTimeline({
      interventions: [phonics],
      readings: [
        reading("2026-11-02", 2.8, { measureName: "Fluency level", source: "note" }),
        reading("2026-11-20", 60),
      ],
      tierChanges: [],
    });
    expect(measures.map((m) => m.name)).toEqual(["Words correct per minute", "Fluency level"]);
  });
});
