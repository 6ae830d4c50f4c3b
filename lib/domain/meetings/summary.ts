import type { MeetingPlan } from "./schemas";

/**
 * How a meeting's recap words each student's decision (issue 11, point 2):
 * "Emma Wilson: Tier 2 → Tier 3, 1:1 reading with Ms. Johnson, 5×30 min, review 2027-02-01".
 */

/** "1:1 reading with Ms. Johnson, 5×30 min"; empty when nothing was said of the plan. */
export function planWords(plan: MeetingPlan): string {
  const what = [plan.description?.trim(), plan.with?.trim() ? `with ${plan.with.trim()}` : ""]
    .filter(Boolean)
    .join(" ");
  const dose =
    plan.sessionsPerWeek && plan.minutes
      ? `${plan.sessionsPerWeek}×${plan.minutes} min`
      : plan.minutes
        ? `${plan.minutes} min`
        : plan.sessionsPerWeek
          ? `${plan.sessionsPerWeek} sessions a week`
          : "";
  return [what, dose].filter(Boolean).join(", ");
}

/**
 * The decision in words, stored with the student discussed: the tier move (when a tier
 * decision was taken), the plan, or what the team wrote.
 */
export function decisionSummary(facts: {
  tierChange: { fromTier: number | null; toTier: number } | null;
  plan: MeetingPlan;
  decision?: string | null;
}): string {
  const move = facts.tierChange
    ? facts.tierChange.fromTier === null || facts.tierChange.fromTier === facts.tierChange.toTier
      ? `Tier ${facts.tierChange.toTier}`
      : `Tier ${facts.tierChange.fromTier} → Tier ${facts.tierChange.toTier}`
    : "";
  return [move, facts.decision?.trim() ?? "", planWords(facts.plan)].filter(Boolean).join(", ");
}

/** One line of the recap. */
export function recapLine(facts: {
  studentName: string;
  summary: string;
  reviewOn: string | null;
}): string {
  return `${facts.studentName}: ${facts.summary}${facts.reviewOn ? `, review ${facts.reviewOn}` : ""}`;
}
