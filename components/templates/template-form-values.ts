import type { FieldError } from "@/lib/domain/errors";

/**
 * The template form's values and errors, apart from its markup (components/templates/template-form.tsx).
 */

/** The fields the form shows an error beside; any other path goes to the whole-form message. */
const FIELDS = [
  "name",
  "tier",
  "focusArea",
  "description",
  "durationWeeks",
  "daysPerWeek",
  "sessionMinutes",
  "groupSize.min",
  "groupSize.max",
  "activities",
  "resources",
  "measure.name",
  "measure.unit",
  "goalValue",
  "goal",
  "entranceCriteria",
  "exitCriteria",
] as const;
export type FieldName = (typeof FIELDS)[number];

/** A field's error by its path; `resources.2` is the resources field's. */
export function errorsByField(errors: readonly FieldError[]): {
  fields: Partial<Record<FieldName, string>>;
  rest: string[];
} {
  const fields: Partial<Record<FieldName, string>> = {};
  const rest: string[] = [];
  for (const error of errors) {
    const field = FIELDS.find((f) => error.path === f || error.path.startsWith(`${f}.`));
    if (field) fields[field] ??= error.message;
    else rest.push(error.message);
  }
  return { fields, rest };
}

/**
 * The form's values as `createTemplateSchema` / `updateTemplateSchema` read them: an empty
 * optional number is null, resources one a line, no measure without its name.
 */
export function valuesOf(form: FormData): Record<string, unknown> {
  const text = (key: string) => String(form.get(key) ?? "").trim();
  const optionalNumber = (key: string) => (text(key) === "" ? null : Number(text(key)));
  const measureName = text("measureName");
  return {
    name: text("name"),
    tier: text("tier"),
    focusArea: text("focusArea"),
    description: text("description") || null,
    durationWeeks: text("durationWeeks"),
    daysPerWeek: text("daysPerWeek"),
    sessionMinutes: text("sessionMinutes"),
    groupSize: { min: optionalNumber("groupSizeMin"), max: optionalNumber("groupSizeMax") },
    activities: text("activities") || null,
    resources: text("resources")
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean),
    measure: measureName
      ? {
          name: measureName,
          unit: text("measureUnit") || null,
          direction: text("measureDirection") === "lower" ? "lower" : "higher",
        }
      : null,
    goalValue: optionalNumber("goalValue"),
    goal: text("goal") || null,
    entranceCriteria: text("entranceCriteria") || null,
    exitCriteria: text("exitCriteria") || null,
  };
}
