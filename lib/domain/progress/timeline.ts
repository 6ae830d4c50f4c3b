import type { Fidelity } from "../attendance";
import { type AimLine, aimLine } from "./aim-line";
import { baseline as baselineOf } from "./baseline";
import { type CalendarDate, daysBetween } from "./calendar-date";
import { type Decision, decisionRule, type Verdict } from "./decision-rule";
import type { MeasureDirection } from "./measure-direction";
import { projectedEndScore } from "./projection";
import { type ScorePoint, sortByDate } from "./score";
import { trendLine } from "./trend-line";

/**
 * One student's progress across all their interventions, as the chart draws it: one timeline
 * per measure (scores in different units cannot share an axis), each intervention that used the
 * measure a segment with its baseline, aim line, trend line and the decision rule's verdict.
 */

export interface TimelineMeasure {
  readonly name: string;
  readonly unit: string | null;
  readonly direction: MeasureDirection;
  readonly goal: number | null;
}

export interface TimelineIntervention {
  readonly id: string;
  readonly name: string;
  readonly tier: number;
  readonly startDate: CalendarDate;
  readonly endDate: CalendarDate;
  /** The day the student left the group, when they did. */
  readonly exitDate: CalendarDate | null;
  readonly measure: TimelineMeasure | null;
  readonly fidelity: Fidelity | null;
}

export type ReadingSource = "probe" | "note";

export interface TimelineReading {
  readonly interventionId: string;
  readonly date: CalendarDate;
  readonly value: number;
  readonly measureName: string;
  readonly unit: string | null;
  readonly source: ReadingSource;
}

export interface TimelineTierChange {
  readonly date: CalendarDate;
  readonly fromTier: number | null;
  readonly toTier: number;
}

export interface LinePoint {
  readonly date: CalendarDate;
  readonly value: number;
}

export interface DrawnLine {
  readonly from: LinePoint;
  readonly to: LinePoint;
  readonly slopePerWeek: number;
}

export type SegmentVerdict = Verdict | "no-goal";

export interface SegmentDecision {
  readonly verdict: SegmentVerdict;
  readonly rule: Decision["rule"];
  readonly explanation: string;
}

export interface Segment {
  readonly interventionId: string;
  readonly interventionName: string;
  readonly startDate: CalendarDate;
  readonly endDate: CalendarDate;
  readonly scoreCount: number;
  readonly baseline: number | null;
  readonly goal: number | null;
  readonly aimLine: DrawnLine | null;
  readonly trendLine: DrawnLine | null;
  readonly projectedEndScore: number | null;
  readonly decision: SegmentDecision;
}

export interface MeasureTimeline {
  readonly key: string;
  readonly name: string;
  readonly unit: string | null;
  readonly direction: MeasureDirection;
  readonly points: readonly (TimelineReading & { readonly interventionName: string })[];
  readonly segments: readonly Segment[];
}

export type MarkerKind = "intervention-start" | "intervention-end" | "tier-change";

export interface TimelineMarker {
  readonly date: CalendarDate;
  readonly kind: MarkerKind;
  readonly label: string;
}

export interface ProgressTimeline {
  readonly measures: readonly MeasureTimeline[];
  readonly markers: readonly TimelineMarker[];
}

export interface TimelineInput {
  readonly interventions: readonly TimelineIntervention[];
  readonly readings: readonly TimelineReading[];
  readonly tierChanges: readonly TimelineTierChange[];
}

/** "Fluency level" and "fluency level " are one measure. */
export function measureKey(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, " ");
}

/**
 * A probe and a note reading of one measure on one day in one intervention are usually the same
 * reading written twice (the note quotes the probe); the probe is the record of it.
 */
export function mergeReadings(readings: readonly TimelineReading[]): TimelineReading[] {
  const probeDays = new Set(
    readings
      .filter((r) => r.source === "probe")
      .map((r) => `${r.interventionId}|${measureKey(r.measureName)}|${r.date}`),
  );
  return readings.filter(
    (r) =>
      r.source === "probe" ||
      !probeDays.has(`${r.interventionId}|${measureKey(r.measureName)}|${r.date}`),
  );
}

function drawn(
  line: { valueAt(date: CalendarDate): number; slopePerWeek: number },
  from: CalendarDate,
  to: CalendarDate,
): DrawnLine {
  return {
    from: { date: from, value: line.valueAt(from) },
    to: { date: to, value: line.valueAt(to) },
    slopePerWeek: line.slopePerWeek,
  };
}

function noGoal(intervention: TimelineIntervention, measureName: string): SegmentDecision {
  return {
    verdict: "no-goal",
    rule: null,
    explanation: `No goal is set for ${measureName} in ${intervention.name}, so no decision rule applies. A specialist can set the measure and goal.`,
  };
}

function segmentOf(
  intervention: TimelineIntervention,
  measureName: string,
  scores: readonly ScorePoint[],
): Segment {
  const sorted = sortByDate(scores);
  const measure = intervention.measure;
  // The goal is in the intervention's own measure; a note in another measure has no aim.
  const goal =
    measure && measure.goal !== null && measureKey(measure.name) === measureKey(measureName)
      ? measure.goal
      : null;
  const direction = measure?.direction ?? "higher";
  const { startDate, endDate } = intervention;
  const baseline = baselineOf(sorted);
  const aim: AimLine | null =
    goal !== null && baseline !== null && daysBetween(startDate, endDate) > 0
      ? aimLine({ baseline, goal, startDate, endDate })
      : null;
  const trend = trendLine(sorted, startDate);
  const first = sorted[0]?.date ?? startDate;
  const lastScore = sorted.at(-1)?.date ?? endDate;
  // Drawn to the end date, or on to the last score when scores continue past it.
  const trendEnd = [lastScore, endDate].sort()[1]!;
  const decision: SegmentDecision =
    aim === null
      ? noGoal(intervention, measureName)
      : decisionRule({ scores: sorted, aimLine: aim, direction, fidelity: intervention.fidelity });
  return {
    interventionId: intervention.id,
    interventionName: intervention.name,
    startDate,
    endDate,
    scoreCount: sorted.length,
    baseline,
    goal,
    aimLine: aim ? drawn(aim, startDate, endDate) : null,
    trendLine: trend ? drawn(trend, first, trendEnd) : null,
    projectedEndScore:
      goal === null
        ? null
        : projectedEndScore({ scores: sorted, baseline, goal, startDate, endDate, direction })
            .score,
    decision,
  };
}

function markersOf(input: TimelineInput): TimelineMarker[] {
  const markers: TimelineMarker[] = [];
  for (const intervention of input.interventions) {
    markers.push({
      date: intervention.startDate,
      kind: "intervention-start",
      label: `${intervention.name} starts`,
    });
    markers.push({
      date: intervention.exitDate ?? intervention.endDate,
      kind: "intervention-end",
      label: intervention.exitDate ? `Exited ${intervention.name}` : `${intervention.name} ends`,
    });
  }
  for (const change of input.tierChanges) {
    markers.push({
      date: change.date,
      kind: "tier-change",
      label:
        change.fromTier === null
          ? `Tier ${change.toTier}`
          : `Tier ${change.fromTier} → ${change.toTier}`,
    });
  }
  return markers.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export function buildProgressTimeline(input: TimelineInput): ProgressTimeline {
  const byId = new Map(input.interventions.map((i) => [i.id, i]));
  const readings = mergeReadings(input.readings).filter((r) => byId.has(r.interventionId));

  const groups = new Map<string, TimelineReading[]>();
  for (const reading of readings) {
    const key = measureKey(reading.measureName);
    groups.set(key, [...(groups.get(key) ?? []), reading]);
  }

  const measures: MeasureTimeline[] = [];
  for (const [key, group] of groups) {
    const sorted = [...group].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const first = sorted[0]!;
    // The intervention that names this measure speaks for its unit and direction.
    const owner = input.interventions.find(
      (i) => i.measure && measureKey(i.measure.name) === key,
    )?.measure;
    const segments = input.interventions
      .filter((i) => sorted.some((r) => r.interventionId === i.id))
      .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0))
      .map((intervention) =>
        segmentOf(
          intervention,
          first.measureName,
          sorted.filter((r) => r.interventionId === intervention.id),
        ),
      );
    measures.push({
      key,
      name: owner?.name ?? first.measureName,
      unit: owner?.unit ?? sorted.find((r) => r.unit)?.unit ?? null,
      direction: owner?.direction ?? "higher",
      points: sorted.map((r) => ({ ...r, interventionName: byId.get(r.interventionId)!.name })),
      segments,
    });
  }
  // The measure with the most recent reading first: what the team is monitoring now.
  measures.sort((a, b) => {
    const lastA = a.points.at(-1)?.date ?? "";
    const lastB = b.points.at(-1)?.date ?? "";
    return lastA < lastB ? 1 : lastA > lastB ? -1 : 0;
  });
  return { measures, markers: markersOf(input) };
}
