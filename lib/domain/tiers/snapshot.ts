import type { AttendanceCounts } from "../attendance";
import type { Verdict } from "../progress/decision-rule";

/**
 * What the team looked at when it took a tier decision (issue 11, point 1), taken by the server
 * when the decision is saved and stored with it (`tier_changes.data_snapshot`), so the decision
 * page shows it later exactly as it was, whatever has been recorded since. Figures are rounded
 * as the effectiveness page shows them.
 */
export interface DecisionSnapshot {
  version: 1;
  /** When it was taken (RFC 3339) and the district's date then. */
  takenAt: string;
  asOf: string;
  intervention: {
    id: string;
    name: string;
    tier: number;
    startDate: string;
    endDate: string;
  } | null;
  /** The measure the chart is drawn in, with the goal at the end date; null without a plan. */
  measure: {
    name: string;
    unit: string | null;
    direction: "higher" | "lower";
    goal: number;
    benchmark: number;
  } | null;
  /** The student's scores in that measure (probes and note readings), oldest first. */
  scores: { date: string; value: number }[];
  baseline: number | null;
  latest: number | null;
  trendSlopePerWeek: number | null;
  aimSlopePerWeek: number | null;
  /** The decision rule's verdict for the student; null without a baseline or a plan. */
  verdict: { verdict: Verdict; rule: string | null; explanation: string } | null;
  /** The student's own attendance in the intervention. */
  attendance: { rate: number | null; counts: AttendanceCounts } | null;
  /** The intervention's delivery: the lower of the two rates is `value`. */
  fidelity: {
    value: number | null;
    sessionRate: number | null;
    minutesRate: number | null;
    threshold: number;
    trusted: boolean;
  } | null;
}

/** A snapshot with nothing in it: a decision that named no intervention. */
export function emptySnapshot(takenAt: string, asOf: string): DecisionSnapshot {
  return {
    version: 1,
    takenAt,
    asOf,
    intervention: null,
    measure: null,
    scores: [],
    baseline: null,
    latest: null,
    trendSlopePerWeek: null,
    aimSlopePerWeek: null,
    verdict: null,
    attendance: null,
    fidelity: null,
  };
}

/** The stored jsonb read back; older rows (before issue 11) hold other shapes or nothing. */
export function storedSnapshot(value: unknown): DecisionSnapshot | null {
  if (typeof value !== "object" || value === null) return null;
  return (value as { version?: unknown }).version === 1 ? (value as DecisionSnapshot) : null;
}
