import { portalText } from "@/lib/i18n/portal";
import type { LocalDate } from "../calendar/dates";
import { formatDate, formatLongDate } from "../calendar/format";
import { formatNumber } from "../progress/format";
import type { SegmentVerdict } from "../progress/timeline";

/**
 * Where a child stands against the goal, as a family is told it (issue 13): the same sentence
 * on the portal's progress page and in the quarterly summary.
 */

/** Where the child stands against the goal, as a parent is told it. */
export type FamilyStanding = "ahead" | "on-track" | "behind" | "too-early" | "no-goal";

/**
 * The decision rule's verdict as the family's standing. "Improve fidelity first" is the team's
 * own matter (the sessions were not delivered as planned); for the family the child is simply
 * not on track yet, as with "change the intervention".
 */
const STANDING_OF_VERDICT: Record<SegmentVerdict, FamilyStanding> = {
  "raise-goal": "ahead",
  continue: "on-track",
  "change-intervention": "behind",
  "improve-fidelity": "behind",
  "insufficient-data": "too-early",
  "no-goal": "no-goal",
};

export function familyStanding(verdict: SegmentVerdict): FamilyStanding {
  return STANDING_OF_VERDICT[verdict];
}

/** A reading as the family reads it: "3.2 grade level", "62". */
export function readingText(value: number, unit: string | null): string {
  return `${formatNumber(value)}${unit ? ` ${unit}` : ""}`;
}

export interface StandingFacts {
  firstName: string;
  measureName: string;
  unit: string | null;
  latest: { value: number; date: LocalDate } | null;
  goal: number | null;
  goalDate: LocalDate;
  standing: FamilyStanding;
}

/**
 * "Emma's latest Fluency level reading is 3.2 grade level (Wed, Nov 18, 2026). The goal by
 * January 29, 2027 is 3.6. Emma is on track." In the family's language ("en" or "es").
 */
export function standingSentence(facts: StandingFacts, language: string): string {
  const { text, dateLocale } = portalText(language);
  const words = text.progress;
  const number = (value: number) => readingText(value, facts.unit);
  return [
    facts.latest
      ? words.latest(
          facts.firstName,
          facts.measureName,
          number(facts.latest.value),
          formatDate(facts.latest.date, dateLocale),
        )
      : null,
    facts.goal !== null
      ? words.goal(number(facts.goal), formatLongDate(facts.goalDate, dateLocale))
      : null,
    words.standing[facts.standing](facts.firstName),
  ]
    .filter(Boolean)
    .join(" ");
}
