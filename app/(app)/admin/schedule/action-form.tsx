"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, InputField, SelectField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-outcome";
import type { ActionResult } from "@/lib/server/action";

/** A field of a time-facts form; plain data, so a server page can describe the form. */
export interface FieldSpec {
  name: string;
  label: string;
  kind: "text" | "time" | "date" | "number" | "select" | "days";
  options?: readonly { value: string; label: string }[];
  hint?: string;
}

export type FormValues = Record<string, string | string[]>;

export type SaveAction = (values: unknown) => Promise<ActionResult<unknown>>;

/**
 * The one form of the schedule and staff pages: the fields it is given, sent to a server
 * action with the hidden values (school, row id); the action's field errors show under their
 * fields, any other refusal above them.
 */
export function ActionForm({
  idPrefix,
  action,
  fields,
  initial,
  hidden = {},
  submitLabel,
  onSaved,
  onCancel,
}: {
  idPrefix: string;
  action: SaveAction;
  fields: readonly FieldSpec[];
  initial: FormValues;
  hidden?: Record<string, string>;
  submitLabel: string;
  onSaved?: () => void;
  onCancel?: () => void;
}) {
  const [values, setValues] = useState<FormValues>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  const set = (name: string, value: string | string[]) => {
    setValues((v) => ({ ...v, [name]: value }));
    setSaved(false);
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFormError(null);
    setErrors({});
    const result = await action({ ...values, ...hidden });
    setBusy(false);
    if (!result.ok) {
      const byField: Record<string, string> = {};
      for (const e of result.fieldErrors) {
        const name = e.path.split(".")[0] ?? "";
        if (fields.some((f) => f.name === name)) byField[name] ??= e.message;
      }
      setErrors(byField);
      const unplaced = result.fieldErrors.filter((e) => !byField[e.path.split(".")[0] ?? ""]);
      setFormError(
        Object.keys(byField).length > 0 && unplaced.length === 0
          ? "Check the fields marked below."
          : [result.message, ...unplaced.map((e) => e.message)].join(" "),
      );
      return;
    }
    setSaved(true);
    onSaved?.();
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <FormError message={formError} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {fields.map((field) => {
          const id = `${idPrefix}-${field.name}`;
          const error = errors[field.name];
          const value = values[field.name] ?? "";
          if (field.kind === "select")
            return (
              <SelectField
                key={field.name}
                id={id}
                label={field.label}
                hint={field.hint}
                error={error}
                value={String(value)}
                onChange={(e) => set(field.name, e.target.value)}
              >
                {field.options?.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </SelectField>
            );
          if (field.kind === "days") {
            const chosen = Array.isArray(value) ? value : [];
            return (
              <Field key={field.name} id={id} label={field.label} error={error} hint={field.hint}>
                <fieldset id={id} className="flex flex-wrap gap-3">
                  <legend className="sr-only">{field.label}</legend>
                  {field.options?.map((o) => (
                    <label key={o.value} className="flex items-center gap-1 text-sm">
                      <input
                        type="checkbox"
                        checked={chosen.includes(o.value)}
                        onChange={(e) =>
                          set(
                            field.name,
                            e.target.checked
                              ? [...chosen, o.value]
                              : chosen.filter((d) => d !== o.value),
                          )
                        }
                      />
                      {o.label}
                    </label>
                  ))}
                </fieldset>
              </Field>
            );
          }
          return (
            <InputField
              key={field.name}
              id={id}
              label={field.label}
              hint={field.hint}
              error={error}
              type={field.kind === "number" ? "text" : field.kind}
              inputMode={field.kind === "number" ? "numeric" : undefined}
              value={String(value)}
              onChange={(e) => set(field.name, e.target.value)}
            />
          );
        })}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
        <span role="status" className="text-sm text-emerald-800">
          {saved && !onSaved ? "Saved." : ""}
        </span>
      </div>
    </form>
  );
}
