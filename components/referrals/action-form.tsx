"use client";

import { useActionState, useId } from "react";
import { Button } from "@/components/ui/button";
import { InputField, TextAreaField } from "@/components/ui/field";
import { FormOutcome } from "@/components/ui/form-outcome";

/** What a small form's server action answers: saved, or why not (with per-field errors). */
export interface ActionFormState {
  status: "idle" | "saved" | "error";
  message: string;
  fieldErrors: Record<string, string>;
}

export const IDLE: ActionFormState = { status: "idle", message: "", fieldErrors: {} };

export interface ActionFormField {
  name: string;
  label: string;
  kind: "text" | "date" | "textarea";
  hint?: string;
  required?: boolean;
}

/**
 * A small form posted to a server action, with its labels given by the page (the portal's in the
 * parent's language): the evaluation request and the school's answer to one.
 */
export function ActionForm({
  action,
  fields,
  submit,
  saving,
  saved,
}: {
  action: (state: ActionFormState, data: FormData) => Promise<ActionFormState>;
  fields: readonly ActionFormField[];
  submit: string;
  saving: string;
  saved: string;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const prefix = useId();
  return (
    <form action={formAction} className="space-y-3" noValidate>
      {fields.map((field) =>
        field.kind === "textarea" ? (
          <TextAreaField
            key={field.name}
            id={`${prefix}-${field.name}`}
            name={field.name}
            label={field.label}
            hint={field.hint}
            rows={3}
            required={field.required}
            error={state.fieldErrors[field.name]}
          />
        ) : (
          <InputField
            key={field.name}
            id={`${prefix}-${field.name}`}
            name={field.name}
            type={field.kind}
            label={field.label}
            hint={field.hint}
            required={field.required}
            error={state.fieldErrors[field.name]}
          />
        ),
      )}
      <Button type="submit" disabled={pending}>
        {pending ? saving : submit}
      </Button>
      <FormOutcome
        message={
          state.status === "idle"
            ? null
            : {
                ok: state.status === "saved",
                text: state.status === "saved" ? saved : state.message,
              }
        }
      />
    </form>
  );
}
