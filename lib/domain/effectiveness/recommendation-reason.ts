import type { Fidelity } from "../attendance";
import { type CalendarDate, daysBetween, formatNumber, type MeasureDirection } from "../progress";
import {
  FAILING_RATE,
  RECOMMENDATIONS,
  RESPONDING_RATE,
  type Recommendation,
} from "./recommendation";
import type { StudentsProgressing } from "./types";

/** "Past" the midpoint: on the middle day itself half the time is still ahead. */
export function isPastMidpoint(
  startDate: CalendarDate,
  endDate: CalendarDate,
  today: CalendarDate,
): boolean {
  return 2 * daysBetween(startDate, today) > daysBetween(startDate, endDate);
}

export interface RecommendationReasonInput {
  readonly recommendation: Recommendation;
  readonly fidelity: Fidelity;
  readonly projectedEndAverage: number | null;
  readonly studentsProgressing: StudentsProgressing;
  readonly goal: number;
  readonly direction: MeasureDirection;
  /** Students whose last 4 scores are all ahead of their aim line (a four-point "raise goal"). */
  readonly fourPointRaises: number;
  readonly pastMidpoint: boolean;
}

export interface RecommendationReason {
  /** Its place in recommend's order (recommendation.ts): the first rule that holds wins. */
  readonly step: 1 | 2 | 3 | 4 | 5;
  /** The rule, as docs/domain.md ("Effectiveness of an intervention") states it. */
  readonly rule: string;
  /** The group's own figures that made the rule hold. */
  readonly because: string;
}

/** A whole percent, as the dashboard writes rates (components/attendance/format.ts → percent). */
function whole(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

function progressingPhrase({ count, total, rate }: StudentsProgressing): string {
  return `${count} of ${total} students${rate === null ? "" : ` (${whole(rate)})`} progressing`;
}

function courseFacts(input: RecommendationReasonInput): string {
  const { projectedEndAverage: projected, goal, direction } = input;
  if (projected === null) return "no projected end average yet (no student has a score)";
  const short = direction === "higher" ? projected < goal : projected > goal;
  return short
    ? `the projected end average of ${formatNumber(projected)} falls short of the goal of ${formatNumber(goal)}`
    : `the projected end average of ${formatNumber(projected)} meets the goal of ${formatNumber(goal)}`;
}

function sentence(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/**
 * Which of recommend's five rules produced the recommendation, and the figures behind it, so the
 * dashboard can say why (app/(app)/interventions/[id]/effectiveness/page.tsx). The rules are
 * recommend's own, in its order; the recommendation names the rule, since each gives one.
 */
export function recommendationReason(input: RecommendationReasonInput): RecommendationReason {
  const { fidelity, studentsProgressing } = input;
  const threshold = whole(fidelity.threshold);
  switch (input.recommendation) {
    case RECOMMENDATIONS.improveFidelity: {
      const rates = [
        fidelity.sessionRate === null
          ? null
          : `${whole(fidelity.sessionRate)} of the sessions scheduled so far were held`,
        fidelity.minutesRate === null
          ? null
          : `${whole(fidelity.minutesRate)} of the planned minutes were delivered`,
      ].filter((rate) => rate !== null);
      return {
        step: 1,
        rule: `A session or minutes rate is below ${threshold}: no verdict on the intervention is sound while it is not delivered as planned.`,
        because: sentence(rates.join("; ")),
      };
    }
    case RECOMMENDATIONS.considerEarlyExit:
      return {
        step: 2,
        rule: "The group is on course (its projected end average meets the goal) and at least one student's last 4 scores are all ahead of the aim line.",
        because: sentence(
          `${courseFacts(input)}; ${input.fourPointRaises} student${input.fourPointRaises === 1 ? "'s" : "s'"} last 4 scores are all ahead of the aim line`,
        ),
      };
    case RECOMMENDATIONS.continuePlanned:
      return {
        step: 3,
        rule: `The group is on course and at least ${whole(RESPONDING_RATE)} of its students are progressing.`,
        because: sentence(`${courseFacts(input)}; ${progressingPhrase(studentsProgressing)}`),
      };
    case RECOMMENDATIONS.modify:
      return {
        step: 4,
        rule: `More than half of the time from start to end has passed and fewer than ${whole(FAILING_RATE)} of the students are progressing.`,
        because: sentence(`past the midpoint, ${progressingPhrase(studentsProgressing)}`),
      };
    case RECOMMENDATIONS.keepMonitoring:
      return {
        step: 5,
        rule: "None of the first four rules holds: continue, and decide again as scores come in.",
        because: sentence(
          `${courseFacts(input)}; ${progressingPhrase(studentsProgressing)}${input.pastMidpoint ? "" : "; the midpoint is still ahead"}`,
        ),
      };
  }
}
