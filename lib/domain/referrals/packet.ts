import type { AttendanceCounts, DeliveryToDate, Fidelity } from "../attendance";
import type { Weekday } from "../calendar/dates";
import { formatDate, formatMediumDate } from "../calendar/format";
import type { CalendarDate } from "../progress/calendar-date";
import { formatNumber } from "../progress/format";
import type { MeasureTimeline, ProgressTimeline, Segment } from "../progress/timeline";
import { type GraphGeometry, graphGeometry } from "./chart";
import {
  attendanceText,
  deliveredText,
  fidelityText,
  PARENT_RIGHTS,
  planText,
  rateOfImprovementText,
} from "./packet-text";

/**
 * The special-education referral packet (34 CFR 300.309–300.311), shaped once for both of its
 * renderings: the PDF (lib/integrations/pdf) and the print page (/students/{id}/referral-packet).
 * Everything here is text and geometry; the renderers only lay it out.
 */

export interface PacketStudent {
  readonly firstName: string;
  readonly lastName: string;
  readonly grade: number;
  readonly localId: string;
  readonly schoolName: string;
  readonly currentTier: number;
}

export interface PacketEnrollment {
  readonly interventionId: string;
  readonly name: string;
  readonly tier: number;
  readonly focusArea: string;
  readonly status: string;
  readonly goal: string | null;
  readonly schedule: {
    readonly days: readonly Weekday[];
    readonly startTime: string;
    readonly minutes: number;
  };
  readonly startDate: CalendarDate;
  readonly endDate: CalendarDate;
  readonly durationWeeks: number;
  readonly enrollmentDate: CalendarDate;
  readonly exitDate: CalendarDate | null;
  readonly exitReason: string | null;
  readonly facilitators: readonly string[];
  readonly attendance: { readonly rate: number | null; readonly counts: AttendanceCounts };
}

export interface PacketTierDecision {
  readonly decidedOn: CalendarDate;
  readonly fromTier: number | null;
  readonly toTier: number;
  readonly decision: string;
  readonly justification: string;
  readonly decidedByName: string | null;
  readonly team?: unknown;
  readonly lowFidelityReason?: string | null;
}

export interface PacketLetter {
  readonly id: string;
  /** When it went out, or when it was written while it waits. */
  readonly date: CalendarDate;
  readonly kind: string;
  readonly channel: string;
  readonly language: string;
  readonly status: string;
  readonly subject: string;
}

export interface PacketEvaluationRequest {
  readonly requestedOn: CalendarDate;
  readonly requesterKind: string;
  readonly requesterName: string;
  readonly status: string;
  readonly response: string | null;
}

export interface PacketInput {
  readonly preparedOn: CalendarDate;
  readonly preparedBy: string;
  readonly student: PacketStudent;
  /** The student's enrollments, newest first or in any order; one page per intervention. */
  readonly enrollments: readonly PacketEnrollment[];
  readonly deliveries: ReadonlyMap<string, { delivery: DeliveryToDate; fidelity: Fidelity }>;
  readonly timeline: ProgressTimeline;
  readonly tierDecisions: readonly PacketTierDecision[];
  readonly letters: readonly PacketLetter[];
  readonly evaluationRequests: readonly PacketEvaluationRequest[];
}

export type Fact = readonly [label: string, value: string];

export interface PacketGraph {
  readonly measure: string;
  readonly rateOfImprovement: string;
  readonly expectedRate: string;
  readonly summary: string;
  readonly geometry: GraphGeometry;
}

export interface PacketInterventionPage {
  readonly interventionId: string;
  readonly name: string;
  readonly facts: readonly Fact[];
  readonly graphs: readonly PacketGraph[];
}

export interface ReferralPacketView {
  readonly title: string;
  readonly intro: string;
  readonly studentName: string;
  readonly studentFacts: readonly Fact[];
  readonly rights: { readonly heading: string; readonly paragraphs: readonly string[] };
  readonly evaluationRequests: readonly { readonly date: string; readonly text: string }[];
  readonly interventions: readonly PacketInterventionPage[];
  readonly decisions: readonly {
    readonly date: string;
    readonly decision: string;
    readonly justification: string;
    readonly details: string;
  }[];
  readonly letters: readonly {
    readonly id: string;
    readonly date: string;
    readonly kind: string;
    readonly language: string;
    readonly status: string;
    readonly subject: string;
  }[];
}

const DECISION_LABELS: Record<string, string> = {
  start: "First placement",
  escalate: "Moved to a more intensive tier",
  "step-down": "Moved to a less intensive tier",
  exit: "Exited intervention",
  refer: "Referred for a special education evaluation",
  "carry-over": "Tier carried over into the next school year",
};

const LANGUAGE_LABELS: Record<string, string> = { en: "English", es: "Spanish" };

const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

function graphOf(measure: MeasureTimeline, segment: Segment): PacketGraph {
  const points = measure.points.filter((p) => p.interventionId === segment.interventionId);
  const unit = measure.unit;
  return {
    measure: `${measure.name}${unit ? ` (${unit})` : ""}`,
    rateOfImprovement: rateOfImprovementText(
      segment.trendLine?.slopePerWeek ?? null,
      unit,
      segment.scoreCount,
    ),
    expectedRate: segment.aimLine
      ? rateOfImprovementText(segment.aimLine.slopePerWeek, unit, segment.scoreCount)
      : "No goal set, so no aim line",
    summary: [
      `${segment.scoreCount} score${segment.scoreCount === 1 ? "" : "s"}`,
      segment.baseline === null ? null : `baseline ${formatNumber(segment.baseline, 1)}`,
      segment.goal === null ? null : `goal ${formatNumber(segment.goal, 1)}`,
      segment.decision.explanation,
    ]
      .filter(Boolean)
      .join("; "),
    geometry: graphGeometry({
      startDate: segment.startDate,
      endDate: segment.endDate,
      scores: points,
      aimLine: segment.aimLine,
      trendLine: segment.trendLine,
      goal: segment.goal,
    }),
  };
}

/** The empty frame drawn when no score was recorded: the page still shows where they would be. */
function emptyGraph(e: PacketEnrollment): PacketGraph {
  return {
    measure: "No progress scores recorded",
    rateOfImprovement: rateOfImprovementText(null, null, 0),
    expectedRate: "No goal set, so no aim line",
    summary: "No progress-monitoring scores were recorded in this intervention.",
    geometry: graphGeometry({
      startDate: e.startDate,
      endDate: e.endDate,
      scores: [],
      aimLine: null,
      trendLine: null,
      goal: null,
    }),
  };
}

function interventionPage(input: PacketInput, e: PacketEnrollment): PacketInterventionPage {
  const delivery = input.deliveries.get(e.interventionId);
  const graphs = input.timeline.measures.flatMap((m) =>
    m.segments.filter((s) => s.interventionId === e.interventionId).map((s) => graphOf(m, s)),
  );
  const facts: Fact[] = [
    ["Tier and focus", `Tier ${e.tier}, ${e.focusArea}`],
    ["Facilitators", e.facilitators.join(", ") || "None named"],
    ["Dates", `${formatDate(e.startDate)} to ${formatDate(e.endDate)} (${e.durationWeeks} weeks)`],
    [
      "In the group",
      `From ${formatDate(e.enrollmentDate)}${e.exitDate ? ` to ${formatDate(e.exitDate)}${e.exitReason ? ` (${e.exitReason})` : ""}` : ""}`,
    ],
    ["Frequency and duration planned", planText(e)],
    [
      "Delivered to date",
      delivery ? deliveredText(delivery.delivery, delivery.fidelity) : "No session was due yet",
    ],
    ["Fidelity", delivery ? fidelityText(delivery.fidelity) : "Not yet known"],
    ["Student's attendance", attendanceText(e.attendance.counts, e.attendance.rate)],
    ["Goal", e.goal ?? "None written"],
  ];
  return {
    interventionId: e.interventionId,
    name: e.name,
    facts,
    graphs: graphs.length > 0 ? graphs : [emptyGraph(e)],
  };
}

const bySomeDate = (a: CalendarDate, b: CalendarDate) => (a < b ? -1 : a > b ? 1 : 0);

function teamText(team: unknown): string | null {
  if (!Array.isArray(team) || team.length === 0) return null;
  const names = team.flatMap((m) =>
    m && typeof m === "object" && "name" in m && typeof m.name === "string"
      ? [`${m.name}${"role" in m && typeof m.role === "string" ? ` (${m.role})` : ""}`]
      : [],
  );
  return names.length ? names.join(", ") : null;
}

export function referralPacketView(input: PacketInput): ReferralPacketView {
  const { student } = input;
  const studentName = fullName(student);
  // One page per intervention: a student who left a group and came back has one page for it.
  const latest = new Map<string, PacketEnrollment>();
  for (const e of [...input.enrollments].sort((a, b) =>
    bySomeDate(a.enrollmentDate, b.enrollmentDate),
  )) {
    latest.set(e.interventionId, e);
  }
  const enrollments = [...latest.values()].sort((a, b) => bySomeDate(a.startDate, b.startDate));
  return {
    title: `Special education referral: ${studentName}`,
    intro:
      "What the school tried before this referral, as 34 CFR 300.309–300.311 asks: each intervention with what was delivered, attendance and fidelity, the progress data with its rate of improvement, the team's decisions and the letters sent to the family.",
    studentName,
    studentFacts: [
      ["Student number", student.localId],
      ["Grade", student.grade === 0 ? "Kindergarten" : String(student.grade)],
      ["School", student.schoolName],
      ["Current tier", `Tier ${student.currentTier}`],
      ["Interventions", String(enrollments.length)],
      ["Prepared", `${formatMediumDate(input.preparedOn)} by ${input.preparedBy}`],
    ],
    rights: PARENT_RIGHTS,
    evaluationRequests: input.evaluationRequests.map((r) => ({
      date: formatMediumDate(r.requestedOn),
      text: `Requested by ${r.requesterName} (${r.requesterKind === "guardian" ? "parent or guardian" : "staff"}); ${r.status === "answered" ? `answered: ${r.response ?? ""}` : "open"}`,
    })),
    interventions: enrollments.map((e) => interventionPage(input, e)),
    decisions: input.tierDecisions.map((d) => ({
      date: formatMediumDate(d.decidedOn),
      decision: `${DECISION_LABELS[d.decision] ?? d.decision}: ${d.fromTier === null ? "" : `Tier ${d.fromTier} to `}Tier ${d.toTier}`,
      justification: d.justification,
      details: [
        d.decidedByName ? `Recorded by ${d.decidedByName}` : null,
        teamText(d.team) ? `Team: ${teamText(d.team)}` : null,
        d.lowFidelityReason ? `Went ahead despite low fidelity: ${d.lowFidelityReason}` : null,
      ]
        .filter(Boolean)
        .join(". "),
    })),
    letters: input.letters.map((l) => ({
      id: l.id,
      date: formatMediumDate(l.date),
      kind: `${l.kind} (${l.channel})`,
      language: LANGUAGE_LABELS[l.language] ?? l.language,
      status: l.status,
      subject: l.subject,
    })),
  };
}
