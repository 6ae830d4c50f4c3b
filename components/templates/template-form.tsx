"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { InputField, SelectField, TextAreaField } from "@/components/ui/field";
import { FormError, FormOutcome } from "@/components/ui/form-outcome";
import type { TemplateDto } from "@/lib/domain/templates/schemas";
import type { ActionResult } from "@/lib/server/action";
import { errorsByField, type FieldName, valuesOf } from "./template-form-values";

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
  /** A control's id, name and error; the error's path differs where the value is nested. */
  const bind = (name: string, errorPath: FieldName = name as FieldName) => ({
    id: id(name),
    name,
    error: errors[errorPath],
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <FormError message={formError} />
      <InputField {...bind("name")} label="Template name" defaultValue={template?.name ?? ""} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          {...bind("tier")}
          label="Tier level"
          defaultValue={String(template?.tier ?? 2)}
        >
          <option value="1">Tier 1 — classroom support</option>
          <option value="2">Tier 2 — small group</option>
          <option value="3">Tier 3 — intensive</option>
        </SelectField>
        <InputField
          {...bind("focusArea")}
          label="Focus area"
          defaultValue={template?.focusArea ?? ""}
        />
      </div>
      <TextAreaField
        {...bind("description")}
        label="Description"
        rows={2}
        defaultValue={template?.description ?? ""}
      />
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold text-slate-900">Schedule defaults</legend>
        <InputField
          {...bind("durationWeeks")}
          type="number"
          min={1}
          max={40}
          label="Recommended duration (weeks)"
          defaultValue={template?.durationWeeks ?? 8}
        />
        <InputField
          {...bind("daysPerWeek")}
          type="number"
          min={1}
          max={5}
          label="Days a week"
          defaultValue={template?.daysPerWeek ?? 3}
        />
        <InputField
          {...bind("sessionMinutes")}
          type="number"
          min={5}
          max={240}
          label="Minutes per session"
          defaultValue={template?.sessionMinutes ?? 30}
        />
        <InputField
          {...bind("groupSizeMin", "groupSize.min")}
          type="number"
          min={1}
          max={30}
          label="Smallest group"
          hint="Optional."
          defaultValue={template?.groupSize.min ?? ""}
        />
        <InputField
          {...bind("groupSizeMax", "groupSize.max")}
          type="number"
          min={1}
          max={30}
          label="Largest group"
          hint="Optional."
          defaultValue={template?.groupSize.max ?? ""}
        />
      </fieldset>
      <TextAreaField
        {...bind("activities")}
        label="Activities and strategies"
        rows={2}
        defaultValue={template?.activities ?? ""}
      />
      <TextAreaField
        {...bind("resources")}
        label="Required resources"
        hint="One a line."
        rows={2}
        defaultValue={template?.resources.join("\n") ?? ""}
      />
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold text-slate-900">Measure and goal</legend>
        <InputField
          {...bind("measureName", "measure.name")}
          label="Measure"
          hint="Leave empty for none."
          defaultValue={template?.measure?.name ?? ""}
        />
        <InputField
          {...bind("measureUnit", "measure.unit")}
          label="Unit"
          hint="Optional, e.g. wcpm."
          defaultValue={template?.measure?.unit ?? ""}
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
          {...bind("goalValue")}
          type="number"
          step="any"
          label="Goal value"
          hint="Optional."
          defaultValue={template?.goalValue ?? ""}
        />
        <InputField
          {...bind("goal")}
          label="Goal rule"
          hint="In words, e.g. 40 facts correct per minute."
          className="sm:col-span-2"
          defaultValue={template?.goal ?? ""}
        />
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextAreaField
          {...bind("entranceCriteria")}
          label="Entrance criteria"
          rows={2}
          defaultValue={template?.entranceCriteria ?? ""}
        />
        <TextAreaField
          {...bind("exitCriteria")}
          label="Exit criteria"
          rows={2}
          defaultValue={template?.exitCriteria ?? ""}
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
