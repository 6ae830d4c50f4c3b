import { schoolYearLabel, schoolYearStartOf } from "../reports/school-year";
import { z } from "../zod";
import { addDays, isValidLocalDate, type LocalDate } from "./dates";

/**
 * School years and the year-end rollover (docs/domain.md, "School years and the year-end
 * rollover"): a district's years are its first and last days of instruction; the days between
 * one year's last day and the next one's first are out of school, like a holiday, so a group's
 * series skips the summer instead of meeting in July.
 */

export interface SchoolYearSpan {
  firstDay: LocalDate;
  lastDay: LocalDate;
}

/**
 * The days from `from` to `to` that fall in a summer: after a year's last day and before the
 * next year's first. When no year follows within a year (the next calendar is not entered yet),
 * the summer runs until the anniversary of that year's first day, so a series planned in May
 * does not meet in July while the next calendar is still to come. Before the earliest year
 * nothing is known, and nothing is out of school.
 */
export function summerDays(
  years: readonly SchoolYearSpan[],
  from: LocalDate,
  to: LocalDate,
): LocalDate[] {
  const sorted = [...years].sort((a, b) => (a.firstDay < b.firstDay ? -1 : 1));
  const days: LocalDate[] = [];
  sorted.forEach((year, index) => {
    // A year's summer ends with the next year's first day, or a year after its own first day
    // when no year follows that closely (a later year entered ahead leaves the gap unknown).
    const anniversary = anniversaryOf(year.firstDay);
    const following = sorted[index + 1]?.firstDay;
    const nextFirst = following && following < anniversary ? following : anniversary;
    const start = [addDays(year.lastDay, 1), from].sort()[1] as LocalDate;
    const end = [addDays(nextFirst, -1), to].sort()[0] as LocalDate;
    for (let day = start; day <= end; day = addDays(day, 1)) days.push(day);
  });
  return days;
}

/** The same month and day a year later (29 February becomes 28 February). */
function anniversaryOf(date: LocalDate): LocalDate {
  const next = `${Number(date.slice(0, 4)) + 1}${date.slice(4)}`;
  return isValidLocalDate(next) ? next : `${next.slice(0, 8)}28`;
}

/**
 * The year after `year`, as a first guess for the form: the same weekdays 52 weeks on, named by
 * the August it starts in.
 */
export function followingYear(year: SchoolYearSpan): SchoolYearSpan & { label: string } {
  const firstDay = addDays(year.firstDay, 364);
  return { label: labelOfYearStarting(firstDay), firstDay, lastDay: addDays(year.lastDay, 364) };
}

const localDate = z
  .string()
  .trim()
  .refine(isValidLocalDate, { message: "Enter a date as YYYY-MM-DD." });

/** A new school year: its first and last days of instruction; the label follows from them. */
export const newSchoolYearSchema = z
  .object({ firstDay: localDate, lastDay: localDate })
  .superRefine((year, context) => {
    // A day that is not a date has its own message already.
    if (!isValidLocalDate(year.firstDay) || !isValidLocalDate(year.lastDay)) return;
    if (year.lastDay <= year.firstDay) {
      context.addIssue({
        code: "custom",
        path: ["lastDay"],
        message: "The last day comes after the first day.",
      });
    } else if (year.lastDay > addDays(year.firstDay, 366)) {
      context.addIssue({
        code: "custom",
        path: ["lastDay"],
        message: "A school year lasts at most a year.",
      });
    }
  });

export type NewSchoolYear = z.output<typeof newSchoolYearSchema>;

/** The name of the year that begins on `firstDay`: "2027-28". */
export function labelOfYearStarting(firstDay: LocalDate): string {
  return schoolYearLabel(schoolYearStartOf(firstDay));
}

/** What the rollover does with a group that meets after the year's last day. */
export const ROLLOVER_OUTCOMES = ["continue", "end"] as const;
export type RolloverOutcome = (typeof ROLLOVER_OUTCOMES)[number];

export const closeSchoolYearSchema = z.object({
  groups: z
    .array(z.object({ interventionId: z.uuid(), outcome: z.enum(ROLLOVER_OUTCOMES) }))
    .max(2000)
    .default([]),
});

export type CloseSchoolYearInput = z.output<typeof closeSchoolYearSchema>;

/**
 * The choices the rollover needs: one per group still meeting after the last day, none for any
 * other group. Returns the paths of what is missing or not asked for, for a 422.
 */
export function checkRolloverChoices(
  groupsAfterLastDay: readonly string[],
  input: CloseSchoolYearInput,
): { path: string; message: string }[] {
  const needed = new Set(groupsAfterLastDay);
  const given = new Map(input.groups.map((choice) => [choice.interventionId, choice.outcome]));
  const problems: { path: string; message: string }[] = [];
  for (const id of needed) {
    if (!given.has(id)) {
      problems.push({
        path: `groups.${id}`,
        message: "Choose whether this group continues or ends.",
      });
    }
  }
  input.groups.forEach((choice, index) => {
    if (!needed.has(choice.interventionId)) {
      problems.push({
        path: `groups.${index}.interventionId`,
        message: "This group does not meet after the year's last day.",
      });
    }
  });
  return problems;
}

/** The carried-over tier's justification, as the student's tier history shows it. */
export function carryOverJustification(
  tier: number,
  closing: string,
  next: string,
  groups: readonly { name: string; outcome: RolloverOutcome }[],
): string {
  const parts = groups.map((group) =>
    group.outcome === "continue" ? `${group.name} continues` : `${group.name} ends`,
  );
  const after = parts.length > 0 ? `: ${parts.join("; ")}` : "";
  return `Tier ${tier} carries over from ${closing} into ${next} at the year-end rollover${after}.`;
}
