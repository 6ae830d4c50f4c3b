import type { Weekday } from "../calendar/dates";
import type { CreateInterventionFormValues } from "../interventions/schemas";
import type { TemplateDto } from "./schemas";

/**
 * The weekdays a template's "n days a week" becomes on the create form: spread over the week
 * so a group does not meet on consecutive days when it need not. The specialist changes them
 * freely before saving (Scenario 10: "allows customization before saving").
 */
export const DAYS_FOR_FREQUENCY: Record<number, Weekday[]> = {
  1: ["WE"],
  2: ["TU", "TH"],
  3: ["MO", "WE", "FR"],
  4: ["MO", "TU", "WE", "TH"],
  5: ["MO", "TU", "WE", "TH", "FR"],
};

export type TemplateForPrefill = Pick<
  TemplateDto,
  | "id"
  | "name"
  | "tier"
  | "focusArea"
  | "description"
  | "durationWeeks"
  | "daysPerWeek"
  | "sessionMinutes"
  | "activities"
  | "goal"
  | "entranceCriteria"
  | "exitCriteria"
  | "resources"
>;

/** The purpose-and-strategies text a group starts with: the template's words, labelled. */
function describeTemplate(template: TemplateForPrefill): string {
  const parts = [
    template.description,
    template.activities ? `Activities: ${template.activities}` : null,
    template.resources.length > 0 ? `Resources: ${template.resources.join(", ")}` : null,
    template.entranceCriteria ? `Entrance: ${template.entranceCriteria}` : null,
    template.exitCriteria ? `Exit: ${template.exitCriteria}` : null,
  ].filter((part): part is string => Boolean(part));
  // The form's field holds 2000 characters (createInterventionSchema): cut at a word, not midway.
  const text = parts.join("\n");
  return text.length <= 2000 ? text : `${text.slice(0, 1999).replace(/\s+\S*$/, "")}…`;
}

/**
 * The create form's values from a template, over what the form already holds: the plan's fields
 * come from the template; the start date, start time, facilitators, room and students stay the
 * form's, which a template cannot know. Nothing is locked: every field stays editable.
 */
export function templateToFormValues(
  template: TemplateForPrefill,
  current: CreateInterventionFormValues,
): CreateInterventionFormValues {
  return {
    ...current,
    templateId: template.id,
    name: template.name,
    tier: template.tier,
    focusArea: template.focusArea,
    goal: template.goal ?? "",
    description: describeTemplate(template),
    durationWeeks: template.durationWeeks,
    schedule: {
      ...current.schedule,
      days: DAYS_FOR_FREQUENCY[template.daysPerWeek] ?? current.schedule.days,
      minutes: template.sessionMinutes,
    },
  };
}
