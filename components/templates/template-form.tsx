"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { InputField, SelectField, TextAreaField } from "@/components/ui/field";
import { FormError, FormOutcome } from "@/components/ui/form-outcome";
import type { FieldError } from "@/lib/domain/errors";
import type { TemplateDto } from "@/lib/domain/templates/schemas";
import type { ActionResult } from "@/lib/server/action";

type Saved = ActionResult<{ id: string; name: string }>;

/** Create: the action takes the values. */
interface CreateMode {
  mode: "create";
  action: (values: unknown) => Promise<Saved>;
}

/** Edit: the action takes the values with the version read, and the template's id. */
interface EditMode {
  mode: "edit";
  action: (values: unknown, templateId: string) => Promise<Saved>;
  template: TemplateDto;
}

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
type FieldName = (typeof FIELDS)[number];

/** A field's error by its path; `resources.2` is the resources field's. */
function errorsByField(errors: readonly FieldError[]): {
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
function valuesOf(form: FormData): Record<string, unknown> {
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

/**
 * A template's plan as a form (issue 12, Scenario 10), for a new template and for changing one
 * on /templates: name, tier, focus, description, recommended duration, days and minutes, group
 * size, activities, resources, measure and goal, entrance and exit criteria. The server's field
 * errors are shown beside their fields; a stale version's refusal above them.
 */
export function TemplateForm(props: CreateMode | EditMode) {
  const router = useRouter();
  const template = props.mode === "edit" ? props.template : null;
  const prefix = template ? `template-${template.id}` : "new-template";
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    setSaving(true);
    setErrors({});
    setFormError(null);
    setOutcome(null);
    const values = valuesOf(new FormData(form));
    const result =
      props.mode === "edit"
        ? await props.action({ ...values, version: props.template.version }, props.template.id)
        : await props.action(values);
    setSaving(false);
    if (result.ok) {
      setOutcome({
        ok: true,
        text:
          props.mode === "edit"
            ? `Saved “${result.data.name}”.`
            : `Created the template “${result.data.name}”.`,
      });
      if (props.mode === "create") form.reset();
      router.refresh();
      return;
    }
    const { fields, rest } = errorsByField(result.fieldErrors);
    setErrors(fields);
    setFormError(rest.length > 0 ? `${result.message} ${rest.join(" ")}` : result.message);
  };

  const id = (name: string) => `${prefix}-${name}`;
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <FormError message={formError} />
      <InputField
        id={id("name")}
        name="name"
        label="Template name"
        defaultValue={template?.name ?? ""}
        error={errors.name}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          id={id("tier")}
          name="tier"
          label="Tier level"
          defaultValue={String(template?.tier ?? 2)}
          error={errors.tier}
        >
          <option value="1">Tier 1 — classroom support</option>
          <option value="2">Tier 2 — small group</option>
          <option value="3">Tier 3 — intensive</option>
        </SelectField>
        <InputField
          id={id("focusArea")}
          name="focusArea"
          label="Focus area"
          defaultValue={template?.focusArea ?? ""}
          error={errors.focusArea}
        />
      </div>
      <TextAreaField
        id={id("description")}
        name="description"
        label="Description"
        rows={2}
        defaultValue={template?.description ?? ""}
        error={errors.description}
      />
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold text-slate-900">Schedule defaults</legend>
        <InputField
          id={id("durationWeeks")}
          name="durationWeeks"
          type="number"
          min={1}
          max={40}
          label="Recommended duration (weeks)"
          defaultValue={template?.durationWeeks ?? 8}
          error={errors.durationWeeks}
        />
        <InputField
          id={id("daysPerWeek")}
          name="daysPerWeek"
          type="number"
          min={1}
          max={5}
          label="Days a week"
          defaultValue={template?.daysPerWeek ?? 3}
          error={errors.daysPerWeek}
        />
        <InputField
          id={id("sessionMinutes")}
          name="sessionMinutes"
          type="number"
          min={5}
          max={240}
          label="Minutes per session"
          defaultValue={template?.sessionMinutes ?? 30}
          error={errors.sessionMinutes}
        />
        <InputField
          id={id("groupSizeMin")}
          name="groupSizeMin"
          type="number"
          min={1}
          max={30}
          label="Smallest group"
          hint="Optional."
          defaultValue={template?.groupSize.min ?? ""}
          error={errors["groupSize.min"]}
        />
        <InputField
          id={id("groupSizeMax")}
          name="groupSizeMax"
          type="number"
          min={1}
          max={30}
          label="Largest group"
          hint="Optional."
          defaultValue={template?.groupSize.max ?? ""}
          error={errors["groupSize.max"]}
        />
      </fieldset>
      <TextAreaField
        id={id("activities")}
        name="activities"
        label="Activities and strategies"
        rows={2}
        defaultValue={template?.activities ?? ""}
        error={errors.activities}
      />
      <TextAreaField
        id={id("resources")}
        name="resources"
        label="Required resources"
        hint="One a line."
        rows={2}
        defaultValue={template?.resources.join("\n") ?? ""}
        error={errors.resources}
      />
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold text-slate-900">Measure and goal</legend>
        <InputField
          id={id("measureName")}
          name="measureName"
          label="Measure"
          hint="Leave empty for none."
          defaultValue={template?.measure?.name ?? ""}
          error={errors["measure.name"]}
        />
        <InputField
          id={id("measureUnit")}
          name="measureUnit"
          label="Unit"
          hint="Optional, e.g. wcpm."
          defaultValue={template?.measure?.unit ?? ""}
          error={errors["measure.unit"]}
        />
        <SelectField
          id={id("measureDirection")}
          name="measureDirection"
          label="Better is"
          defaultValue={template?.measure?.direction ?? "higher"}
        >
          <option value="higher">Higher</option>
          <option value="lower">Lower</option>
        </SelectField>
        <InputField
          id={id("goalValue")}
          name="goalValue"
          type="number"
          step="any"
          label="Goal value"
          hint="Optional."
          defaultValue={template?.goalValue ?? ""}
          error={errors.goalValue}
        />
        <InputField
          id={id("goal")}
          name="goal"
          label="Goal rule"
          hint="In words, e.g. 40 facts correct per minute."
          className="sm:col-span-2"
          defaultValue={template?.goal ?? ""}
          error={errors.goal}
        />
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextAreaField
          id={id("entranceCriteria")}
          name="entranceCriteria"
          label="Entrance criteria"
          rows={2}
          defaultValue={template?.entranceCriteria ?? ""}
          error={errors.entranceCriteria}
        />
        <TextAreaField
          id={id("exitCriteria")}
          name="exitCriteria"
          label="Exit criteria"
          rows={2}
          defaultValue={template?.exitCriteria ?? ""}
          error={errors.exitCriteria}
        />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={saving}>
          {saving ? "Saving…" : props.mode === "edit" ? "Save changes" : "Create template"}
        </Button>
        <FormOutcome message={outcome} />
      </div>
    </form>
  );
}
