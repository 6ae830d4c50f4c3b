import type { Fidelity } from "../attendance";
import type { AimLine } from "./aim-line";
import { formatNumber, formatPercent } from "./format";
import { fourPointRule } from "./four-point-rule";
import {
  directionNote,
  type MeasureDirection,
  type Standing,
  sideOnChart,
  standingAgainst,
} from "./measure-direction";
import { type ScorePoint, sortByDate } from "./score";
import { trendLine } from "./trend-line";

/** NCII applies its decision rules only once 6 scores exist; fewer say too little to act on. */
export const MINIMUM_SCORES_FOR_DECISION = 6;

export type Verdict =
  | "insufficient-data"
  | "raise-goal"
  | "change-intervention"
  | "continue"
  | "improve-fidelity";

export type DecisionRuleName = "four-point" | "trend";

export interface Decision {
  readonly verdict: Verdict;
  readonly rule: DecisionRuleName | null;
  /** Plain English a specialist can act on. */
  readonly explanation: string;
}

export interface DecisionRuleInput {
  readonly scores: readonly ScorePoint[];
  readonly aimLine: AimLine;
  readonly direction?: MeasureDirection;
  /** When given and not trusted, a "change the intervention" verdict becomes "improve fidelity". */
  readonly fidelity?: Fidelity | null;
}

type RuleVerdict = "raise-goal" | "change-intervention" | "continue";

interface Finding {
  readonly verdict: RuleVerdict;
  readonly rule: DecisionRuleName;
  /** What the data shows, as a sentence without its final stop. */
  readonly observation: string;
}

const VERDICT_FOR_STANDING: Record<Standing, RuleVerdict> = {
  ahead: "raise-goal",
  behind: "change-intervention",
  on: "continue",
};

const ACTION: Record<RuleVerdict, string> = {
  "raise-goal": "raise the goal",
  "change-intervention": "change the intervention",
  continue: "continue the intervention",
};

const TREND_COMPARISON: Record<Standing, string> = {
  ahead: "is improving faster than",
  behind: "is improving more slowly than",
  on: "keeps pace with",
};

function perWeek(slope: number): string {
  return `${formatNumber(slope)} per week`;
}

function findWithRules(
  scores: readonly ScorePoint[],
  aim: AimLine,
  direction: MeasureDirection,
): Finding | null {
  const lastFour = fourPointRule(scores, aim, direction);
  if (lastFour === "ahead" || lastFour === "behind") {
    return {
      verdict: VERDICT_FOR_STANDING[lastFour],
      rule: "four-point",
      observation: `The last 4 scores are all ${sideOnChart(lastFour, direction)} the aim line${directionNote(direction)}`,
    };
  }
  const trend = trendLine(scores, aim.startDate);
  if (trend === null) return null;
  const pace = standingAgainst(trend.slopePerWeek, aim.slopePerWeek, direction);
  return {
    verdict: VERDICT_FOR_STANDING[pace],
    rule: "trend",
    observation: `The last 4 scores are mixed, and the trend (${perWeek(trend.slopePerWeek)}) ${TREND_COMPARISON[pace]} the aim line (${perWeek(aim.slopePerWeek)})${directionNote(direction)}`,
  };
}

function deliverySummary(fidelity: Fidelity): string {
  const sessions =
    fidelity.sessionRate === null
      ? "no sessions are scheduled to date"
      : `${formatPercent(fidelity.sessionRate)} of scheduled sessions were held`;
  const minutes =
    fidelity.minutesRate === null
      ? "no minutes are planned to date"
      : `${formatPercent(fidelity.minutesRate)} of planned minutes were delivered`;
  return `${sessions} and ${minutes}`;
}

/**
 * Four-point rule on the last 4 scores first; when they are mixed, the trend rule. Fidelity comes
 * before both when it points to a change: a student who missed much of the planned instruction
 * has not shown that the instruction fails.
 */
export function decisionRule({
  scores,
  aimLine: aim,
  direction = "higher",
  fidelity,
}: DecisionRuleInput): Decision {
  if (scores.length < MINIMUM_SCORES_FOR_DECISION) {
    return {
      verdict: "insufficient-data",
      rule: null,
      explanation: `Not enough data yet: ${MINIMUM_SCORES_FOR_DECISION} scores are needed, ${scores.length} recorded.`,
    };
  }
  const finding = findWithRules(sortByDate(scores), aim, direction);
  if (finding === null) {
    return {
      verdict: "insufficient-data",
      rule: null,
      explanation: "Not enough data yet: all scores share one date, so no trend can be drawn.",
    };
  }
  if (finding.verdict === "change-intervention" && fidelity && !fidelity.trusted) {
    return {
      verdict: "improve-fidelity",
      rule: finding.rule,
      explanation: `Improve fidelity first: ${deliverySummary(fidelity)}, and ${formatPercent(fidelity.threshold)} of both is needed before the scores can be trusted. ${finding.observation}, but change the intervention only once it is delivered as planned.`,
    };
  }
  return {
    verdict: finding.verdict,
    rule: finding.rule,
    explanation: `${finding.observation}: ${ACTION[finding.verdict]}.`,
  };
}
